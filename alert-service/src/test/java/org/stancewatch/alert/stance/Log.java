package org.stancewatch.alert.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.stancewatch.alert.RelationChangeFixtures.Builder;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.RelationChange;

/** A dyad's log being written in a test: sequences in order, a controllable clock. */
final class Log {

	static final StanceRules RULES = new StanceRules(0.6, java.time.Duration.ofDays(14));

	static final Dyad RU = new Dyad("RU", "AF");

	private final List<Observation> observations = new ArrayList<>();

	/** Appends a report received the day after its date, at noon. */
	Observation append(Builder report) {
		RelationChange change = report.build();
		LocalDate received = (change.occurredOn() != null) ? change.occurredOn().plusDays(1) : LocalDate.of(2025, 7, 4);
		return append(change, received.atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

	Observation append(Builder report, LocalDate receivedOn) {
		return append(report.build(), receivedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

	Observation append(RelationChange change, Instant receivedAt) {
		Observation observation = new Observation(this.observations.size() + 1, change, receivedAt);
		this.observations.add(observation);
		return observation;
	}

	List<Observation> observations() {
		return List.copyOf(this.observations);
	}

	DyadHistory fold() {
		return StanceFold.fold(RU, this.observations, RULES);
	}

	/** The last observation folded onto the fold of those before it. */
	StanceFold.Step foldLast() {
		int last = this.observations.size() - 1;
		return StanceFold.of(RU, this.observations.subList(0, last), RULES).append(this.observations.get(last));
	}

}
