package org.stancewatch.alert.subscription;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.Status;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionFilterTests {

	private static SubscriptionFilter anything() {
		return new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), false, 0, 1, false);
	}

	@Test
	void shouldMatchAnyCompletedShiftAboutTheTargetByDefault() {
		assertThat(anything().matches(ShiftFixtures.recognition("RU"))).isTrue();
		assertThat(anything().matches(ShiftFixtures.embassyClosure("NO"))).isTrue();
	}

	@Test
	void shouldSendSignalsOnlyToSubscriptionsThatAskForThem() {
		StanceShift signal = ShiftFixtures.announcedDelisting("KZ");
		SubscriptionFilter withSignals = new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), true, 0,
				1, false);

		assertThat(anything().matches(signal)).isFalse();
		assertThat(withSignals.matches(signal)).isTrue();
	}

	@Test
	void shouldSendLateNewsOnlyToBackfillSubscriptions() {
		StanceShift late = ShiftFixtures.shift("CN", StanceShift.Kind.SHIFT, Level.ENGAGED, Level.NORMALIZED,
				Action.ACCEPT_AMBASSADOR, Status.COMPLETED, 0.9, true, 1);
		SubscriptionFilter backfill = new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), false, 0, 1,
				true);

		assertThat(anything().matches(late)).isFalse();
		assertThat(backfill.matches(late)).isTrue();
	}

	@Test
	void shouldCountSourcesAndCompareConfidence() {
		StanceShift twoSources = ShiftFixtures.recognition("RU");
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), false, 0, 2, false)
			.matches(twoSources)).isTrue();
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), false, 0, 3, false)
			.matches(twoSources)).isFalse();
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(), false, 0.95, 1, false)
			.matches(twoSources)).isFalse();
	}

	@Test
	void shouldCombineActorsDirectionsLevelsActionsAndTarget() {
		StanceShift recognition = ShiftFixtures.recognition("RU");
		assertThat(new SubscriptionFilter(Set.of("CN", "RU"), "AF", Set.of(Direction.WARMING), Set.of(Level.RECOGNIZED),
				Set.of(Action.RECOGNIZE_GOVERNMENT), false, 0, 1, false)
			.matches(recognition)).isTrue();
		assertThat(new SubscriptionFilter(Set.of("CN"), "AF", Set.of(), Set.of(), Set.of(), false, 0, 1, false)
			.matches(recognition)).isFalse();
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(Direction.COOLING), Set.of(), Set.of(), false, 0, 1,
				false)
			.matches(recognition)).isFalse();
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(Level.HOSTILE), Set.of(), false, 0, 1, false)
			.matches(recognition)).isFalse();
		assertThat(new SubscriptionFilter(Set.of(), "AF", Set.of(), Set.of(), Set.of(Action.OPEN_EMBASSY), false, 0, 1,
				false)
			.matches(recognition)).isFalse();
		assertThat(new SubscriptionFilter(Set.of(), "MM", Set.of(), Set.of(), Set.of(), false, 0, 1, false)
			.matches(recognition)).isFalse();
	}

}
