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
 * A fold can also be kept and fed the log one observation at a time ({@link #append}):
 * each step regroups only the act the observation joins, so folding after every
 * observation of a long log costs what one fold of it costs, not its square.
 */
public final class StanceFold {

	private static final Comparator<Act> APPLIED_ORDER = Comparator.comparing(Act::effectiveDate)
		.thenComparingInt(Act::commitSequence);

	private final Dyad dyad;

	private final Corroboration corroboration;

	private int size;

	private DyadHistory history;

	private StanceFold(Dyad dyad, Corroboration corroboration, int size) {
		this.dyad = dyad;
		this.corroboration = corroboration;
		this.size = size;
		this.history = history(dyad, corroboration.acts());
	}

	/** The history the log folds into. */
	public static DyadHistory fold(Dyad dyad, List<Observation> log, StanceRules rules) {
		return of(dyad, log, rules).history();
	}

	/** A fold of the log, ready for the observations that follow it. */
	public static StanceFold of(Dyad dyad, List<Observation> log, StanceRules rules) {
		Corroboration corroboration = new Corroboration(rules.minConfidence());
		log.forEach(corroboration::add);
		return new StanceFold(dyad, corroboration, log.size());
	}

	/** How many observations of the log it has folded. */
	public int size() {
		return this.size;
	}

	/** The history of the log folded so far. */
	public DyadHistory history() {
		return this.history;
	}

	/**
	 * Folds the next observation of the log.
	 * @throws IllegalArgumentException when it does not follow the last one folded
	 */
	public Step append(Observation added) {
		if (added.sequence() != this.size + 1) {
			throw new IllegalArgumentException(
					"Expected observation #" + (this.size + 1) + " of " + this.dyad + " but got #" + added.sequence());
		}
		DyadHistory before = this.history;
		Act act = this.corroboration.add(added);
		this.size++;
		this.history = history(this.dyad, this.corroboration.acts());
		return new Step(before, this.history, added, act);
	}

	private static DyadHistory history(Dyad dyad, List<Act> acts) {
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

	/**
	 * One observation folded.
	 *
	 * @param before the history just before it
	 * @param after the history with it
	 * @param added the observation
	 * @param act the act it belongs to, as of {@code after}
	 */
	public record Step(DyadHistory before, DyadHistory after, Observation added, Act act) {
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
