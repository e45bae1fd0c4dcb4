package org.stancewatch.alert.stance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.StanceShift;

/**
 * Groups a dyad's observations, in log order, into acts (design.md, "Corroboration"). An
 * observation joins an earlier act of the same action and status when their dates agree:
 * <ul>
 * <li>both precise to the day: at most 3 days apart;</li>
 * <li>either precise to the month: the same month (a year-precise date: the same
 * year);</li>
 * <li>an observation without a date joins the latest act of that action and status, and a
 * dated observation joins an act none of whose observations had a date.</li>
 * </ul>
 * Of several matching acts it joins the one nearest in date. The act's date is the most
 * precise date any of its observations gave. Grouping is incremental in log order, so
 * replaying the log gives the same acts, and appending an observation rebuilds only the
 * act it joins.
 */
final class Corroboration {

	private static final int SAME_ACT_WITHIN_DAYS = 3;

	private final double minConfidence;

	private final List<Cluster> clusters = new ArrayList<>();

	private final Map<String, List<Cluster>> byKind = new HashMap<>();

	Corroboration(double minConfidence) {
		this.minConfidence = minConfidence;
	}

	static List<Act> cluster(List<Observation> log, double minConfidence) {
		Corroboration corroboration = new Corroboration(minConfidence);
		log.forEach(corroboration::add);
		return corroboration.acts();
	}

	/** Groups the next observation of the log; returns the act it now belongs to. */
	Act add(Observation observation) {
		RelationChange change = observation.change();
		List<Cluster> candidates = this.byKind.computeIfAbsent(change.action() + "/" + change.status(),
				(kind) -> new ArrayList<>());
		Cluster joined = matching(candidates, change).orElse(null);
		if (joined != null) {
			joined.add(observation);
		}
		else {
			joined = new Cluster(observation);
			this.clusters.add(joined);
			candidates.add(joined);
		}
		return joined.act(this.minConfidence);
	}

	/** Every act, in the order first observed. */
	List<Act> acts() {
		return this.clusters.stream().map((cluster) -> cluster.act(this.minConfidence)).toList();
	}

	/** Of the acts of the same action and status, the one the observation belongs to. */
	private static Optional<Cluster> matching(List<Cluster> candidates, RelationChange change) {
		if (change.occurredOn() == null || change.datePrecision() == DatePrecision.UNKNOWN) {
			return candidates.stream().max(Comparator.comparing(Cluster::orderDate));
		}
		LocalDate date = change.occurredOn();
		long day = date.toEpochDay();
		// A loop, not a stream: a busy dyad has thousands of acts of one kind.
		@Nullable Cluster nearest = null;
		long nearestDistance = Long.MAX_VALUE;
		for (Cluster cluster : candidates) {
			if (cluster.date != null && cluster.agrees(date, day, change.datePrecision())) {
				long distance = Math.abs(cluster.epochDay - day);
				if (distance < nearestDistance) {
					nearest = cluster;
					nearestDistance = distance;
				}
			}
		}
		return (nearest != null) ? Optional.of(nearest)
				: candidates.stream().filter((cluster) -> cluster.date == null).findFirst();
	}

	/** An act being grouped. */
	private static final class Cluster {

		private final Action action;

		private final Status status;

		private final List<Observation> observations = new ArrayList<>();

		private @Nullable LocalDate date;

		private DatePrecision precision = DatePrecision.UNKNOWN;

		/**
		 * {@code date} as an epoch day, kept because a busy dyad compares it thousands of
		 * times.
		 */
		private long epochDay;

		/** The act as last built; {@code null} once an observation joined since. */
		private @Nullable Act act;

		Cluster(Observation first) {
			this.action = first.change().action();
			this.status = first.change().status();
			add(first);
		}

		void add(Observation observation) {
			this.observations.add(observation);
			this.act = null;
			RelationChange change = observation.change();
			if (change.occurredOn() != null && change.datePrecision() != DatePrecision.UNKNOWN
					&& change.datePrecision().ordinal() < this.precision.ordinal()) {
				this.date = change.occurredOn();
				this.precision = change.datePrecision();
				this.epochDay = this.date.toEpochDay();
			}
		}

		/**
		 * Whether a report of that date and precision agrees with this act's date, which
		 * must be set (the rules are in the class comment).
		 */
		boolean agrees(LocalDate other, long otherEpochDay, DatePrecision otherPrecision) {
			LocalDate date = Objects.requireNonNull(this.date);
			if (this.precision == DatePrecision.YEAR || otherPrecision == DatePrecision.YEAR) {
				return date.getYear() == other.getYear();
			}
			if (this.precision == DatePrecision.MONTH || otherPrecision == DatePrecision.MONTH) {
				return YearMonth.from(date).equals(YearMonth.from(other));
			}
			return Math.abs(this.epochDay - otherEpochDay) <= SAME_ACT_WITHIN_DAYS;
		}

		LocalDate orderDate() {
			return (this.date != null) ? this.date : LocalDate.MIN;
		}

		Act act(double minConfidence) {
			if (this.act == null) {
				this.act = toAct(minConfidence);
			}
			return this.act;
		}

		private Act toAct(double minConfidence) {
			Observation committing = this.observations.stream()
				.filter((observation) -> observation.change().confidence() >= minConfidence)
				.findFirst()
				.orElse(null);
			return new Act(this.observations.get(0).eventId(), this.action, this.status, this.date, this.precision,
					this.observations, committing, independentSources());
		}

		/**
		 * One source per article family: the original when it was observed, else the
		 * first copy.
		 */
		private List<StanceShift.Source> independentSources() {
			Map<String, Observation> byFamily = new LinkedHashMap<>();
			for (Observation observation : this.observations) {
				byFamily.merge(observation.family(), observation,
						(kept, next) -> (kept.isSyndicatedCopy() && !next.isSyndicatedCopy()) ? next : kept);
			}
			return byFamily.values().stream().map(Observation::source).toList();
		}

	}

}
