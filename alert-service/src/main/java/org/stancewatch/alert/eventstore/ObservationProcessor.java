package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.stance.DyadHistory;
import org.stancewatch.alert.stance.Observation;
import org.stancewatch.alert.stance.ShiftDetector;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.StanceShift;

/**
 * Takes one relation change in one PostgreSQL transaction: drops it if its event id was
 * seen, else appends it to the log, folds the dyad, and writes what changed (stance,
 * shift or signal, corroborated shift) to the outbox. Each shift is also published as a
 * Spring event inside the transaction, so that synchronous listeners (delivery) write
 * their rows atomically with it.
 */
@Component
class ObservationProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ObservationProcessor.class);

	private final EventLog log;

	private final StanceProjection projection;

	private final ShiftLog shifts;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final StanceRules rules;

	private final Counter consumed;

	private final Counter duplicates;

	private final MeterRegistry meters;

	ObservationProcessor(EventLog log, StanceProjection projection, ShiftLog shifts, Outbox outbox,
			TransactionTemplate transactions, ApplicationEventPublisher events, AlertProperties properties,
			MeterRegistry meters) {
		this.log = log;
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

	void process(RelationChange change) {
		this.transactions.executeWithoutResult((status) -> processInTransaction(change));
	}

	private void processInTransaction(RelationChange change) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Dyad dyad = change.dyad();
		this.log.lockForWriting(dyad);
		if (!this.log.markProcessed(change.eventId(), now)) {
			logger.debug("Dropped repeated event {}", change.eventId());
			this.duplicates.increment();
			return;
		}
		List<Observation> earlier = this.log.load(dyad);
		Observation added = this.log.append(dyad, earlier.size() + 1, change, now);
		List<Observation> all = new ArrayList<>(earlier);
		all.add(added);
		DyadHistory before = StanceFold.fold(dyad, earlier, this.rules);
		DyadHistory after = StanceFold.fold(dyad, all, this.rules);
		this.consumed.increment();

		if (after.stance() != null && !Objects.equals(before.stance(), after.stance())) {
			this.projection.save(after.stance());
			this.outbox.add(EventType.DYAD_STANCE, dyad, after.stance(), now);
		}
		ShiftDetector.detect(before, after, added, this.rules, now).ifPresent((shift) -> {
			if (this.shifts.add(shift)) {
				emit(shift, now, "new");
			}
		});
		ShiftDetector.corroborated(before, after, added)
			.ifPresent((act) -> this.shifts.causedBy(dyad, act.causeEventId()).forEach((stored) -> {
				StanceShift corroborated = ShiftDetector.withSources(stored, act);
				this.shifts.update(corroborated);
				emit(corroborated, now, "corroborated");
			}));
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

}
