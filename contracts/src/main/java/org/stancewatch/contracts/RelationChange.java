package org.stancewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One observation, read from one article, of a state acting toward a government.
 * Published to {@link Topics#RELATION_CHANGES} keyed by {@link #dyad()}.
 *
 * @param eventId deterministic: same article, actor, target, action, status, date and
 * extractor version give the same id, so replays are idempotent
 * @param articleId the article it was read from
 * @param articleUrl the article's URL
 * @param articleTitle the article's title
 * @param source the host of the site that published the article
 * @param publishedAt when the article was published, when known
 * @param duplicateOf the article's {@link Article#duplicateOf()}: a syndicated copy is
 * not an independent source (an addition to design.md, see docs/contracts.md)
 * @param actor ISO 3166-1 alpha-2 code of the acting state
 * @param target ISO 3166-1 alpha-2 code of the state whose government it is about
 * @param action what was done
 * @param direction fixed by the action
 * @param status whether it happened or was only announced
 * @param occurredOn when it happened (not when it was published); {@code null} when
 * {@code datePrecision} is {@code UNKNOWN}
 * @param datePrecision how much of {@code occurredOn} the text gave
 * @param background true when the article mentions it as past context rather than as its
 * news
 * @param evidence the sentence it was read from
 * @param evidenceStart offset of the sentence in the article's text
 * @param evidenceEnd offset just past the sentence in the article's text
 * @param confidence how sure the reading is, 0 to 1
 * @param extractor engine name and version, e.g. {@code stancewatch-rules/1.3.0}
 */
public record RelationChange(String eventId, String articleId, String articleUrl, @Nullable String articleTitle,
		@Nullable String source, @Nullable Instant publishedAt, @Nullable String duplicateOf, String actor,
		String target, Action action, Direction direction, Status status, @Nullable LocalDate occurredOn,
		DatePrecision datePrecision, boolean background, String evidence, int evidenceStart, int evidenceEnd,
		double confidence, String extractor) {

	public Dyad dyad() {
		return new Dyad(this.actor, this.target);
	}

}
