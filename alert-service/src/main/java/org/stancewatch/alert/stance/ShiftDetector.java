package org.stancewatch.alert.stance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.StanceShift.Kind;

/**
 * Compares a dyad's history before and after one observation was appended, and says what
 * subscribers should hear of it.
 * <ul>
 * <li>The current level changed: a {@link Kind#SHIFT} caused by the act the observation
 * belongs to.</li>
 * <li>The observation committed an intended act: a {@link Kind#SIGNAL}, level
 * unchanged.</li>
 * <li>Otherwise nothing: a repeat of a known act only adds a source
 * ({@link #corroborated}).</li>
 * </ul>
 * A shift is late when the act was first seen more than {@code maxEventAge} after the
 * last day it can have happened, or when only a background mention without a date
 * reported it: late news updates history and alerts only subscribers who asked for
 * backfill.
 */
public final class ShiftDetector {

	private ShiftDetector() {
	}

	public static Optional<StanceShift> detect(StanceFold.Step step, StanceRules rules, Instant detectedAt) {
		DyadHistory before = step.before();
		DyadHistory after = step.after();
		Act act = step.act();
		if (!act.committed()) {
			return Optional.empty();
		}
		if (before.level() != after.level()) {
			return Optional.of(shift(Kind.SHIFT, after.dyad(), before.level(), after.level(), act, rules, detectedAt));
		}
		boolean committedNow = Objects.requireNonNull(act.committing()).eventId().equals(step.added().eventId());
		if (committedNow && act.status() == Status.INTENDED) {
			return Optional.of(shift(Kind.SIGNAL, after.dyad(), after.level(), after.level(), act, rules, detectedAt));
		}
		return Optional.empty();
	}

	/**
	 * The act that the observation gave a new independent source, when the act was
	 * committed already before it: its shift, if it caused one, should carry the new
	 * source.
	 */
	public static Optional<Act> corroborated(StanceFold.Step step) {
		return Optional.of(step.act())
			.filter(Act::committed)
			.filter((act) -> step.before()
				.acts()
				.stream()
				.filter((earlier) -> earlier.key().equals(act.key()) && earlier.committed())
				.anyMatch((earlier) -> earlier.sources().size() < act.sources().size()));
	}

	/** The same shift, carrying the act's current sources. */
	public static StanceShift withSources(StanceShift shift, Act act) {
		return new StanceShift(shift.shiftId(), shift.kind(), shift.actor(), shift.target(), shift.from(), shift.to(),
				shift.action(), shift.status(), shift.occurredOn(), shift.datePrecision(), shift.causeEventId(),
				shift.evidence(), act.sources(), shift.confidence(), shift.late(), shift.detectedAt());
	}

	static boolean isLate(Act act, StanceRules rules) {
		Observation committing = Objects.requireNonNull(act.committing());
		if (act.date() == null && committing.change().background()) {
			return true;
		}
		long ageInDays = ChronoUnit.DAYS.between(act.latestPossibleDate(), committing.receivedOn());
		return ageInDays > rules.maxEventAge().toDays();
	}

	/**
	 * Deterministic: the same cause and level change on the same dyad give the same id.
	 */
	static String shiftId(Dyad dyad, Kind kind, String causeEventId, Level from, Level to) {
		String name = "stance-shift|" + dyad + "|" + kind + "|" + causeEventId + "|" + from + ">" + to;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static StanceShift shift(Kind kind, Dyad dyad, Level from, Level to, Act act, StanceRules rules,
			Instant detectedAt) {
		Observation committing = Objects.requireNonNull(act.committing());
		return new StanceShift(shiftId(dyad, kind, act.causeEventId(), from, to), kind, dyad.actor(), dyad.target(),
				from, to, act.action(), act.status(), act.date(), act.precision(), act.causeEventId(),
				committing.change().evidence(), act.sources(), committing.change().confidence(), isLate(act, rules),
				detectedAt);
	}

}
