package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.stance.DyadHistory;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.StanceShift;

/** What the read API may ask of the event store and its projection. */
@Component
public class StanceQueries {

	private final EventLog log;

	private final StanceProjection projection;

	private final ShiftLog shifts;

	private final StanceRules rules;

	StanceQueries(EventLog log, StanceProjection projection, ShiftLog shifts, AlertProperties properties) {
		this.log = log;
		this.projection = projection;
		this.shifts = shifts;
		this.rules = properties.stanceRules();
	}

	/** The current stance of every state toward the target, by actor. */
	public List<DyadStance> stancesToward(String target) {
		return this.projection.ofTarget(target);
	}

	/** A dyad's full history, folded from its log; empty when nothing was observed. */
	@Transactional(readOnly = true)
	public Optional<DyadHistory> history(Dyad dyad) {
		var observations = this.log.load(dyad);
		if (observations.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(StanceFold.fold(dyad, observations, this.rules));
	}

	/** Shifts and signals detected at or after {@code since}, oldest first. */
	public List<StanceShift> shiftsSince(Instant since, int limit) {
		return this.shifts.since(since, limit);
	}

}
