package org.stancewatch.alert.stance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.StanceShift;

/**
 * One act of a state, corroborated from every observation of it.
 *
 * @param key the event id of its first observation, stable for the act's life
 * @param action what was done
 * @param status whether it happened or was announced
 * @param date when it happened, the most precise date any observation gave; {@code null}
 * when none gave one
 * @param precision the precision of {@code date}
 * @param observations every observation of it, in log order
 * @param committing the first credible observation, which committed the act; {@code null}
 * while no observation was credible enough
 * @param sources one per independent article family, in order of first report
 */
public record Act(String key, Action action, Status status, @Nullable LocalDate date, DatePrecision precision,
		List<Observation> observations, @Nullable Observation committing, List<StanceShift.Source> sources) {

	public Act {
		observations = List.copyOf(observations);
		sources = List.copyOf(sources);
	}

	public boolean committed() {
		return this.committing != null;
	}

	/** The event id of the committing observation, or of the first while uncommitted. */
	public String causeEventId() {
		return (this.committing != null) ? this.committing.eventId() : this.key;
	}

	/**
	 * Where the act sits in time: its date; without one, the publication date of the
	 * article that committed it; without that, the day the store received it.
	 */
	public LocalDate effectiveDate() {
		if (this.date != null) {
			return this.date;
		}
		Observation origin = (this.committing != null) ? this.committing : this.observations.get(0);
		return (origin.change().publishedAt() != null)
				? origin.change().publishedAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate() : origin.receivedOn();
	}

	/**
	 * The last day the act can have happened on: a month-precise act may have happened on
	 * its last day, so it is not late news on the 20th of that month.
	 */
	LocalDate latestPossibleDate() {
		LocalDate effective = effectiveDate();
		return switch (this.precision) {
			case MONTH -> YearMonth.from(effective).atEndOfMonth();
			case YEAR -> effective.withDayOfYear(effective.lengthOfYear());
			case DAY, UNKNOWN -> effective;
		};
	}

	/** Sequence of the committing observation: ties on a date keep log order. */
	int commitSequence() {
		return (this.committing != null) ? this.committing.sequence() : Integer.MAX_VALUE;
	}

}
