package org.stancewatch.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.Status;

/** Stance shifts for tests, in our own words. */
public final class ShiftFixtures {

	private ShiftFixtures() {
	}

	/**
	 * A state accepts the credentials of Kabul's envoy and moves from NORMALIZED to
	 * RECOGNIZED.
	 */
	public static StanceShift recognition(String actor) {
		return shift(actor, StanceShift.Kind.SHIFT, Level.NORMALIZED, Level.RECOGNIZED, Action.RECOGNIZE_GOVERNMENT,
				Status.COMPLETED, 0.9, false, 2);
	}

	/** A state announces it will lift its sanctions: a signal, the level stays. */
	public static StanceShift announcedDelisting(String actor) {
		return shift(actor, StanceShift.Kind.SIGNAL, Level.DISTANT, Level.DISTANT, Action.DELIST_TERRORIST,
				Status.INTENDED, 0.8, false, 1);
	}

	/** A state closes its embassy in Kabul: a cooling shift. */
	public static StanceShift embassyClosure(String actor) {
		return shift(actor, StanceShift.Kind.SHIFT, Level.ENGAGED, Level.DISTANT, Action.CLOSE_EMBASSY,
				Status.COMPLETED, 0.85, false, 1);
	}

	public static StanceShift shift(String actor, StanceShift.Kind kind, Level from, Level to, Action action,
			Status status, double confidence, boolean late, int sourceCount) {
		List<StanceShift.Source> sources = new ArrayList<>();
		for (int i = 1; i <= sourceCount; i++) {
			sources.add(new StanceShift.Source(
					"https://news" + i + ".example.org/world/" + actor.toLowerCase() + "-kabul-" + i,
					"Report " + i + " on " + actor + " and Kabul", "news" + i + ".example.org",
					Instant.parse("2025-07-03T12:00:00Z")));
		}
		return new StanceShift("shift-" + UUID.randomUUID(), kind, actor, "AF", from, to, action, status,
				LocalDate.parse("2025-07-03"), DatePrecision.DAY, "event-" + UUID.randomUUID(),
				"The foreign ministry said on Thursday that it had taken the step after months of talks.", sources,
				confidence, late, Instant.parse("2025-07-03T15:00:00Z"));
	}

}
