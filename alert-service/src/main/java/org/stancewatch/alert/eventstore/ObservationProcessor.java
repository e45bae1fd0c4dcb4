package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.kafka.RecordTraces;
import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.stance.Observation;
import org.stancewatch.alert.stance.ShiftDetector;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.StanceShift;

/**
 * Takes a batch of relation changes in one PostgreSQL transaction: drops those whose
 * event id was seen, appends the rest to their dyads' logs, folds each dyad after each
 * observation (so that every observation is judged against the history just before it, as
 * if it had come alone), and writes what changed (each shift or signal, each corroborated
 * shift once with the sources the batch left it, and each touched dyad's final stance) to
 * the outbox. Each shift is also published as a Spring event inside the transaction, so
 * that synchronous listeners (delivery) write their rows atomically with it.
 */
@Component
class ObservationProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ObservationProcessor.class);

	private final EventLog log;

	private final DyadLogCache cache;

	private final StanceProjection projection;

	private final ShiftLog shifts;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final StanceRules rules;

	private final Counter consumed;

	private final Counter duplicates;

	private final MeterRegistry meters;

	private final RecordTraces trace;

	private final PipelineLatency latency;

	ObservationProcessor(EventLog log, DyadLogCache cache, StanceProjection projection, ShiftLog shifts, Outbox outbox,
			TransactionTemplate transactions, ApplicationEventPublisher events, AlertProperties properties,
			MeterRegistry meters, RecordTraces trace, PipelineLatency latency) {
		this.trace = trace;
		this.latency = latency;
		this.log = log;
		this.cache = cache;
		this.projection = projection;
		this.shifts = shifts;
		this.outbox = outbox;
		this.transactions = transactions;
		this.events = events;
		this.rules = properties.stanceRules();
		this.meters = meters;
		this.consumed = Counter.builder("stancewatch.alert.events.consumed")
			.description("Relation changes appended to the event store")
			.register(meters);
		this.duplicates = Counter.builder("stancewatch.alert.events.duplicates")
			.description("Relation changes dropped because their event id was seen before")
			.register(meters);
	}

	void process(List<RelationChange> changes) {
		process(changes, Map.of(), Map.of());
	}

	/**
	 * @param traceparents the trace context each change came with, by event id
	 * @param articleTimes when ingest stored each change's article, by event id
	 */
	void process(List<RelationChange> changes, Map<String, String> traceparents, Map<String, Instant> articleTimes) {
		if (changes.isEmpty()) {
			return;
		}
		Applied applied = this.transactions.execute((status) -> processInTransaction(changes, traceparents));
		if (applied != null) {
			this.cache.remember(applied.logs(), applied.folds());
			this.consumed.increment(applied.appended().size());
			this.duplicates.increment(changes.size() - applied.appended().size());
			Instant folded = Instant.now();
			applied.appended()
				.stream()
				.map(articleTimes::get)
				.filter(Objects::nonNull)
				.forEach((articleTime) -> this.latency.folded(articleTime, folded));
		}
	}

	private Applied processInTransaction(List<RelationChange> changes, Map<String, String> traceparents) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Map<String, RelationChange> distinct = new LinkedHashMap<>();
		changes.forEach((change) -> distinct.putIfAbsent(change.eventId(), change));
		Set<Dyad> dyads = new TreeSet<>(Comparator.comparing(Dyad::toString));
		distinct.values().forEach((change) -> dyads.add(change.dyad()));
		this.log.lockForWriting(dyads);
		Set<String> fresh = this.log.markProcessed(distinct.keySet(), now);
		if (fresh.isEmpty()) {
			return new Applied(Map.of(), Map.of(), List.of());
		}
		List<RelationChange> accepted = distinct.values()
			.stream()
			.filter((change) -> fresh.contains(change.eventId()))
			.toList();
		Map<Dyad, List<Observation>> logs = this.cache
			.load(accepted.stream().map(RelationChange::dyad).collect(Collectors.toSet()), this.log);
		Map<Dyad, StanceFold> folds = new HashMap<>();
		Map<Dyad, DyadStance> initial = new HashMap<>();
		logs.forEach((dyad, observations) -> {
			StanceFold fold = this.cache.fold(dyad, observations, this.rules);
			folds.put(dyad, fold);
			initial.put(dyad, fold.history().stance());
		});

		List<EventLog.Appended> appended = new ArrayList<>();
		for (RelationChange change : accepted) {
			List<Observation> dyadLog = logs.get(change.dyad());
			Observation added = new Observation(dyadLog.size() + 1, change, now);
			dyadLog.add(added);
			appended.add(new EventLog.Appended(change.dyad(), added));
		}
		this.log.appendAll(appended);

		Corroborations corroborations = new Corroborations(this.shifts);
		for (EventLog.Appended entry : appended) {
			Dyad dyad = entry.dyad();
			StanceFold.Step step = folds.get(dyad).append(entry.observation());
			Observation added = step.added();
			String traceparent = traceparents.get(added.eventId());
			this.trace.inSpan(traceparent, "fold relation change", () -> {
				RelationChange change = added.change();
				logger.info("Appended {} #{}: {} {} ({}) from article {}", dyad, added.sequence(), change.action(),
						change.status(), change.eventId(), change.articleId());
				judge(step, now, corroborations);
			});
			ShiftDetector.corroborated(step).ifPresent((act) -> corroborations.add(dyad, act, traceparent));
		}
		for (Corroborations.Corroborated corroborated : corroborations.all()) {
			this.shifts.update(corroborated.shift());
			this.trace.inSpan(corroborated.traceparent(), "corroborate shift",
					() -> emit(corroborated.shift(), now, "corroborated"));
		}
		Map<Dyad, DyadStance> changed = new TreeMap<>(Comparator.comparing(Dyad::toString));
		folds.forEach((dyad, fold) -> {
			DyadStance stance = fold.history().stance();
			if (stance != null && !Objects.equals(initial.get(dyad), stance)) {
				changed.put(dyad, stance);
			}
		});
		this.projection.saveAll(changed.values());
		this.outbox.addAll(EventType.DYAD_STANCE, changed, now);
		return new Applied(logs, folds, appended.stream().map((entry) -> entry.observation().eventId()).toList());
	}

	/**
	 * A shift or signal the observation caused, judged against the history before it.
	 * Corroborated shifts are emitted once per batch, after its observations.
	 */
	private void judge(StanceFold.Step step, Instant now, Corroborations corroborations) {
		ShiftDetector.detect(step, this.rules, now).ifPresent((shift) -> {
			if (this.shifts.add(shift)) {
				corroborations.stored(shift);
				emit(shift, now, "new");
			}
		});
	}

	private void emit(StanceShift shift, Instant now, String reason) {
		this.events.publishEvent(shift);
		this.outbox.add(EventType.STANCE_SHIFT, shift.dyad(), shift, now);
		this.meters
			.counter("stancewatch.alert.shifts.emitted", "kind", shift.kind().name(), "reason", reason, "late",
					Boolean.toString(shift.late()))
			.increment();
		logger.info("{} {} {}: {} -> {} by {} ({} sources{})", reason, shift.kind(), shift.dyad(), shift.from(),
				shift.to(), shift.action(), shift.sources().size(), shift.late() ? ", late" : "");
	}

	/**
	 * What a committed batch did.
	 *
	 * @param logs the touched dyads' logs as the transaction left them
	 * @param folds their folds
	 * @param appended event ids of the observations appended; the rest of the batch were
	 * repeats
	 */
	private record Applied(Map<Dyad, List<Observation>> logs, Map<Dyad, StanceFold> folds, List<String> appended) {
	}

}
