package org.stancewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change of a dyad's {@link Level} ({@link Kind#SHIFT}), or an announced act that does
 * not change it yet ({@link Kind#SIGNAL}), with its cause, evidence and every
 * corroborating source. Published to {@link Topics#STANCE_SHIFTS} keyed by dyad.
 *
 * @param shiftId deterministic: the same cause on the same dyad gives the same id
 * @param kind a level change, or a signal of an intended act
 * @param actor acting state
 * @param target state whose government it is about
 * @param from level before; for a signal, the current level
 * @param to level after; for a signal, the current level
 * @param action the act that caused it
 * @param status the act's status
 * @param occurredOn when the act happened, when known
 * @param datePrecision how precise {@code occurredOn} is
 * @param causeEventId the {@link RelationChange#eventId()} that committed the act
 * @param evidence the sentence the act was read from
 * @param sources every independent report of the act known when the shift was detected
 * @param confidence the committing observation's confidence
 * @param late true when the act was first seen long after it happened (late news)
 * @param detectedAt when stancewatch detected the shift
 */
public record StanceShift(String shiftId, Kind kind, String actor, String target, Level from, Level to, Action action,
		Status status, @Nullable LocalDate occurredOn, DatePrecision datePrecision, String causeEventId,
		String evidence, List<Source> sources, double confidence, boolean late, Instant detectedAt) {

	public StanceShift {
		sources = List.copyOf(sources);
	}

	public Dyad dyad() {
		return new Dyad(this.actor, this.target);
	}

	/** Whether a level changed, or an intent was announced. */
	public enum Kind {

		SHIFT, SIGNAL

	}

	/**
	 * One report of the act.
	 *
	 * @param url the article's URL
	 * @param title the article's title
	 * @param site the host of the site that published it
	 * @param publishedAt when it was published, when known
	 */
	public record Source(String url, @Nullable String title, @Nullable String site, @Nullable Instant publishedAt) {

	}

}
