package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.stance.DyadHistory;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventType;

/**
 * Drops the stance projection and folds it again from the event store, in one transaction
 * that keeps writers out. Stances that come out different (a new fold version) are
 * published again; shifts are history and are not re-sent.
 */
@Component
class StanceRebuild {

	private static final Logger logger = LoggerFactory.getLogger(StanceRebuild.class);

	private final EventLog log;

	private final StanceProjection projection;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final StanceRules rules;

	StanceRebuild(EventLog log, StanceProjection projection, Outbox outbox, TransactionTemplate transactions,
			AlertProperties properties) {
		this.log = log;
		this.projection = projection;
		this.outbox = outbox;
		this.transactions = transactions;
		this.rules = properties.stanceRules();
	}

	RebuildResult rebuild() {
		RebuildResult result = Objects.requireNonNull(this.transactions.execute((status) -> rebuildInTransaction()));
		logger.info("Rebuilt {} stances from {} events; {} changed", result.stances(), result.events(),
				result.changed());
		return result;
	}

	private RebuildResult rebuildInTransaction() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.log.lockForRebuild();
		Map<String, String> previous = this.projection.all();
		this.projection.deleteAll();
		int stances = 0;
		int changed = 0;
		Set<String> kept = new HashSet<>();
		for (Dyad dyad : this.log.dyads()) {
			DyadHistory history = StanceFold.fold(dyad, this.log.load(dyad), this.rules);
			if (history.stance() == null) {
				continue;
			}
			String json = this.projection.save(history.stance());
			kept.add(dyad.toString());
			stances++;
			if (!json.equals(previous.get(dyad.toString()))) {
				this.outbox.add(EventType.DYAD_STANCE, dyad, history.stance(), now);
				changed++;
			}
		}
		for (String dropped : previous.keySet()) {
			if (!kept.contains(dropped)) {
				this.outbox.addTombstone(EventType.DYAD_STANCE, Dyad.parse(dropped), now);
				changed++;
			}
		}
		return new RebuildResult(stances, this.log.size(), changed);
	}

	/**
	 * What a rebuild did.
	 *
	 * @param stances stances folded
	 * @param events events in the store
	 * @param changed stances that differ from those dropped (published again)
	 */
	record RebuildResult(int stances, long events, int changed) {
	}

}
