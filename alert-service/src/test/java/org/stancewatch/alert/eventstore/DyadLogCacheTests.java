package org.stancewatch.alert.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.stancewatch.alert.stance.Observation;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Dyad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.alert.RelationChangeFixtures.report;

class DyadLogCacheTests {

	private static final Dyad DYAD = new Dyad("PK", "AF");

	private static final StanceRules RULES = new StanceRules(0.6, Duration.ofDays(14));

	private final DyadLogCache cache = new DyadLogCache();

	@Test
	void aCommittedBatchLeavesItsFoldForTheNextBatchWhichFeedsItWhatCameSince() {
		List<Observation> log = log(5);
		StanceFold committed = this.cache.fold(DYAD, log.subList(0, 3), RULES);
		this.cache.remember(Map.of(DYAD, log.subList(0, 3)), Map.of(DYAD, committed));

		StanceFold next = this.cache.fold(DYAD, log, RULES);

		assertThat(next).isSameAs(committed);
		assertThat(next.size()).isEqualTo(5);
		assertThat(next.history()).isEqualTo(StanceFold.fold(DYAD, log, RULES));
	}

	@Test
	void aTakenFoldIsNotSharedAndOneNotGivenBackIsDropped() {
		List<Observation> log = log(4);
		StanceFold committed = this.cache.fold(DYAD, log.subList(0, 3), RULES);
		this.cache.remember(Map.of(DYAD, log.subList(0, 3)), Map.of(DYAD, committed));

		StanceFold rolledBack = this.cache.fold(DYAD, log.subList(0, 3), RULES);
		rolledBack.append(log.get(3));
		StanceFold retried = this.cache.fold(DYAD, log.subList(0, 3), RULES);

		assertThat(retried).isNotSameAs(rolledBack);
		assertThat(retried.size()).isEqualTo(3);
		assertThat(retried.history()).isEqualTo(StanceFold.fold(DYAD, log.subList(0, 3), RULES));
	}

	@Test
	void aFoldOfAnotherLengthThanTheCommittedLogIsNotKept() {
		List<Observation> log = log(3);
		StanceFold shorter = StanceFold.of(DYAD, log.subList(0, 2), RULES);
		this.cache.remember(Map.of(DYAD, log), Map.of(DYAD, shorter));

		assertThat(this.cache.fold(DYAD, log, RULES)).isNotSameAs(shorter);
	}

	private static List<Observation> log(int size) {
		List<Observation> log = new ArrayList<>();
		Action[] actions = { Action.DELIST_TERRORIST, Action.PRAISE, Action.ACCEPT_AMBASSADOR, Action.CONDEMN };
		for (int i = 0; i < size; i++) {
			log.add(new Observation(i + 1,
					report("PK", actions[i % actions.length]).on(2025, 3, 1 + 5 * i)
						.article("a" + i, "one.example")
						.build(),
					Instant.parse("2025-06-01T12:00:00Z").plusSeconds(i)));
		}
		return log;
	}

}
