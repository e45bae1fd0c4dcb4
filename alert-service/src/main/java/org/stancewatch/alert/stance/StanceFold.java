package org.stancewatch.alert.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.Status;

/**
 * Folds a dyad's log into its history and current stance: a pure function of the log, so
 * replaying the log gives the same stance, byte for byte.
 *
 * <ul>
 * <li>Observations are grouped into acts ({@link Corroboration}); only committed acts
 * count.</li>
 * <li>Completed acts apply their facts in order of {@link Act#effectiveDate()} (an act
 * without a date sits at the publication date of the article that committed it); acts on
 * the same date keep the order they were committed in. A late report of an older act is
 * placed where its date puts it.</li>
 * <li>Intended acts never move a fact; they count in the tone at half weight.</li>
 * <li>The stance is {@code asOf} the day the latest act was committed, and
 * {@code updatedAt} that moment; the tone sums the weights ({@link Tone}) of acts dated
 * within the 90 days up to {@code asOf}.</li>
 * </ul>
 */
public final class StanceFold {

	private static final Comparator<Act> APPLIED_ORDER = Comparator.comparing(Act::effectiveDate)
		.thenComparingInt(Act::commitSequence);

	private StanceFold() {
	}

	public static DyadHistory fold(Dyad dyad, List<Observation> log, StanceRules rules) {
		List<Act> acts = Corroboration.cluster(log, rules.minConfidence());
		List<Act> committed = acts.stream().filter(Act::committed).sorted(APPLIED_ORDER).toList();
		List<Act> ordered = new ArrayList<>(committed);
		acts.stream().filter((act) -> !act.committed()).forEach(ordered::add);

		StandingFacts facts = new StandingFacts();
		List<LevelChange> levels = new ArrayList<>();
		Level level = Level.DISTANT;
		for (Act act : committed) {
			if (act.status() != Status.COMPLETED) {
				continue;
			}
			facts.apply(act.action());
			Level next = facts.level();
			if (next != level) {
				levels.add(new LevelChange(act.effectiveDate(), level, next, act.action(), act.causeEventId()));
				level = next;
			}
		}
		DyadStance stance = committed.isEmpty() ? null : stance(dyad, committed, facts, level);
		return new DyadHistory(dyad, ordered, levels, stance);
	}

	private static DyadStance stance(Dyad dyad, List<Act> committed, StandingFacts facts, Level level) {
		Instant updatedAt = committed.stream()
			.map((act) -> Objects.requireNonNull(act.committing()).receivedAt())
			.max(Comparator.naturalOrder())
			.orElseThrow();
		LocalDate asOf = LocalDate.ofInstant(updatedAt, ZoneOffset.UTC);
		LocalDate windowStart = asOf.minusDays(Tone.WINDOW_DAYS);
		double tone = committed.stream()
			.filter((act) -> act.effectiveDate().isAfter(windowStart) && !act.effectiveDate().isAfter(asOf))
			.mapToDouble((act) -> Tone.weight(act.action(), act.status()))
			.sum();
		LocalDate lastEventOn = committed.stream()
			.map(Act::date)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		return new DyadStance(dyad.actor(), dyad.target(), level, facts.designation(), facts.recognition(),
				facts.representation(), facts.sanctions(), tone, committed.size(), lastEventOn, asOf, updatedAt);
	}

}
