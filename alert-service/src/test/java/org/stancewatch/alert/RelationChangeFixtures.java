package org.stancewatch.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;

/**
 * Relation changes as the extractor would emit them, written in our own words: the
 * evidence sentences are invented, never copied from an article.
 */
public final class RelationChangeFixtures {

	private RelationChangeFixtures() {
	}

	/** A completed act by {@code actor} toward Kabul, on 3 July 2025, read with 0.9. */
	public static Builder report(String actor, Action action) {
		return new Builder(actor, action);
	}

	public static final class Builder {

		private final String actor;

		private final Action action;

		private String target = "AF";

		private Status status = Status.COMPLETED;

		private @Nullable LocalDate occurredOn = LocalDate.of(2025, 7, 3);

		private DatePrecision precision = DatePrecision.DAY;

		private @Nullable Instant publishedAt;

		private String articleId = "article-1";

		private String site = "wire.example";

		private @Nullable String duplicateOf;

		private boolean background;

		private double confidence = 0.9;

		private @Nullable String evidence;

		Builder(String actor, Action action) {
			this.actor = actor;
			this.action = action;
		}

		public Builder target(String target) {
			this.target = target;
			return this;
		}

		public Builder intended() {
			this.status = Status.INTENDED;
			return this;
		}

		public Builder on(LocalDate date) {
			this.occurredOn = date;
			this.precision = DatePrecision.DAY;
			return this;
		}

		public Builder on(int year, int month, int day) {
			return on(LocalDate.of(year, month, day));
		}

		public Builder in(YearMonth month) {
			this.occurredOn = month.atDay(1);
			this.precision = DatePrecision.MONTH;
			return this;
		}

		public Builder undated() {
			this.occurredOn = null;
			this.precision = DatePrecision.UNKNOWN;
			return this;
		}

		public Builder publishedAt(Instant publishedAt) {
			this.publishedAt = publishedAt;
			return this;
		}

		/** An article of its own on {@code site}. */
		public Builder article(String articleId, String site) {
			this.articleId = articleId;
			this.site = site;
			return this;
		}

		/** A syndicated copy of {@code originalArticleId}, run by {@code site}. */
		public Builder copyOf(String originalArticleId, String articleId, String site) {
			this.duplicateOf = originalArticleId;
			return article(articleId, site);
		}

		public Builder background() {
			this.background = true;
			return this;
		}

		public Builder confidence(double confidence) {
			this.confidence = confidence;
			return this;
		}

		public Builder evidence(String evidence) {
			this.evidence = evidence;
			return this;
		}

		public RelationChange build() {
			Instant published = (this.publishedAt != null) ? this.publishedAt
					: ((this.occurredOn != null) ? this.occurredOn.plusDays(1) : LocalDate.of(2025, 7, 4)).atTime(9, 0)
						.toInstant(ZoneOffset.UTC);
			String id = this.articleId + "|" + this.actor + "|" + this.target + "|" + this.action + "|" + this.status
					+ "|" + this.occurredOn;
			String text = (this.evidence != null) ? this.evidence
					: "Officials in " + this.actor + " confirmed a step of kind " + this.action.name().toLowerCase()
							+ " toward the authorities in Kabul.";
			return new RelationChange(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(),
					this.articleId, "https://" + this.site + "/news/" + this.articleId, "Report " + this.articleId,
					this.site, published, this.duplicateOf, this.actor, this.target, this.action,
					this.action.direction(), this.status, this.occurredOn, this.precision, this.background, text, 0,
					text.length(), this.confidence, "stancewatch-rules/1.0.0");
		}

	}

}
