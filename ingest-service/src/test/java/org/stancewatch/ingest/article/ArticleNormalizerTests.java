package org.stancewatch.ingest.article;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.stancewatch.contracts.Article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArticleNormalizerTests {

	private static final Instant FETCHED = Instant.parse("2025-01-06T12:00:00Z");

	private static final URI FEED_URL = URI.create("https://www.steppe-wire.example/world/rss");

	private final ArticleNormalizer normalizer = new ArticleNormalizer();

	@Test
	void shouldBuildTheContractArticleFromAFeedEntry() {
		FeedEntry entry = new FeedEntry("sw-2025-0106-01",
				"HTTPS://www.Steppe-Wire.example:443/world/delisting?utm_source=rss&utm_medium=feed#comments",
				"Kazakhstan drops Taliban from banned list", ArticleFixtures.DELISTING_ORIGINAL,
				"<p>Astana ends a designation that stood for two decades.</p>", Instant.parse("2025-01-06T09:30:00Z"),
				null, "Aru Sadykova");

		Article article = this.normalizer.normalize(entry, "feed-7", FEED_URL, "en_GB", FETCHED);

		assertThat(article.url()).isEqualTo(entry.link());
		assertThat(article.canonicalUrl()).isEqualTo("https://www.steppe-wire.example/world/delisting");
		assertThat(article.id()).hasSize(32)
			.isEqualTo(ArticleNormalizer.idOfUrl("https://www.steppe-wire.example/world/delisting"));
		assertThat(article.title()).isEqualTo("Kazakhstan drops Taliban from banned list");
		assertThat(article.source()).isEqualTo("steppe-wire.example");
		assertThat(article.feedId()).isEqualTo("feed-7");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-01-06T09:30:00Z"));
		assertThat(article.fetchedAt()).isEqualTo(FETCHED);
		assertThat(article.language()).isEqualTo("en-GB");
		assertThat(article.text()).startsWith("By Aru Sadykova, Astana correspondent\n\nThe government of Kazakhstan")
			.contains("two decades.\n\nA ministry spokesman")
			.doesNotContain("<p>");
		assertThat(article.summary()).isEqualTo("Astana ends a designation that stood for two decades.");
		assertThat(article.contentHash()).isEqualTo(ArticleNormalizer.contentHash(article.text())).hasSize(64);
		assertThat(article.duplicateOf()).isNull();
	}

	@Test
	void shouldGiveTheSameIdToTheSameStoryFromTwoLinks() {
		Article fromFeed = this.normalizer.normalize(entry("https://steppe-wire.example/a?utm_campaign=x", "g1"),
				"feed-7", FEED_URL, null, FETCHED);
		Article fromNewsletter = this.normalizer.normalize(entry("https://STEPPE-WIRE.example/a?mc_cid=9#top", "g2"),
				"feed-9", FEED_URL, null, FETCHED);

		assertThat(fromFeed.id()).isEqualTo(fromNewsletter.id());
	}

	@Test
	void shouldIdentifyAnEntryWithoutALinkByFeedAndGuid() {
		Article article = this.normalizer.normalize(entry(null, "urn:sw:4711"), "feed-7", FEED_URL, null, FETCHED);

		assertThat(article.id()).isEqualTo(ArticleNormalizer.idOfFeedEntry("feed-7", "urn:sw:4711"))
			.isNotEqualTo(
					this.normalizer.normalize(entry(null, "urn:sw:4711"), "feed-8", FEED_URL, null, FETCHED).id());
		assertThat(article.url()).isEqualTo(FEED_URL.toString());
		assertThat(article.source()).isEqualTo("steppe-wire.example");
	}

	@Test
	void shouldUseAPermalinkGuidWhenThereIsNoLink() {
		Article article = this.normalizer.normalize(entry(null, "https://steppe-wire.example/p/4711"), "feed-7",
				FEED_URL, null, FETCHED);

		assertThat(article.canonicalUrl()).isEqualTo("https://steppe-wire.example/p/4711");
	}

	@Test
	void shouldRefuseAnEntryThatCannotBeIdentified() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.normalizer.normalize(entry(null, null), "feed-7", FEED_URL, null, FETCHED))
			.withMessageContaining("no usable link");
	}

	@Test
	void shouldLeaveTheDateEmptyWhenAbsentOrInTheFutureAndNeverUseTheFetchTime() {
		FeedEntry undated = entry("https://steppe-wire.example/a", "g");
		FeedEntry future = new FeedEntry("g", "https://steppe-wire.example/b", "t", "<p>x</p>", null,
				Instant.parse("2031-01-01T00:00:00Z"), null, null);
		FeedEntry onlyUpdated = new FeedEntry("g", "https://steppe-wire.example/c", "t", "<p>x</p>", null, null,
				Instant.parse("2025-01-05T08:00:00Z"), null);

		assertThat(this.normalizer.normalize(undated, "f", FEED_URL, null, FETCHED).publishedAt()).isNull();
		assertThat(this.normalizer.normalize(future, "f", FEED_URL, null, FETCHED).publishedAt()).isNull();
		assertThat(this.normalizer.normalize(onlyUpdated, "f", FEED_URL, null, FETCHED).publishedAt())
			.isEqualTo(Instant.parse("2025-01-05T08:00:00Z"));
	}

	@Test
	void shouldHashTheTextAsStoredHashesWereTakenSoThatCopiesStillMatchThem() {
		assertThat(ArticleNormalizer.contentHash(" Talks\t resume\r\n\u000B\fin\u00A0Doha\u2003 Cafe\u0301. \n"))
			.as("NFC, stripped, runs of ASCII white space as one space; other spaces kept")
			.isEqualTo(Hashes.sha256Hex("Talks resume in\u00A0Doha\u2003 Caf\u00E9."));
	}

	@Test
	void shouldHashTheTextNotItsSpacing() {
		assertThat(ArticleNormalizer.contentHash("Talks resume\n\nin  Doha. "))
			.isEqualTo(ArticleNormalizer.contentHash("Talks resume in Doha."))
			.isNotEqualTo(ArticleNormalizer.contentHash("Talks stall in Doha."));
	}

	@Test
	void shouldReplaceTheTextAndItsHashWithTheFullText() {
		Article teaser = this.normalizer.normalize(entry("https://steppe-wire.example/a", "g"), "f", FEED_URL, null,
				FETCHED);

		Article full = this.normalizer.withText(teaser, "The whole story, at last.");

		assertThat(full.text()).isEqualTo("The whole story, at last.");
		assertThat(full.contentHash()).isEqualTo(ArticleNormalizer.contentHash("The whole story, at last."))
			.isNotEqualTo(teaser.contentHash());
		assertThat(full.id()).isEqualTo(teaser.id());
	}

	@Test
	void shouldMarkACopy() {
		Article copy = this.normalizer.normalize(entry("https://partner.example/a", "g"), "f", FEED_URL, null, FETCHED);

		assertThat(this.normalizer.asDuplicateOf(copy, "0123abcd").duplicateOf()).isEqualTo("0123abcd");
	}

	@Test
	void shouldCapAHugeFieldBeforeItReachesKafka() {
		FeedEntry huge = new FeedEntry("g", "https://steppe-wire.example/huge", "x".repeat(12_000),
				"<p>" + "word ".repeat(1_000_000) + "</p>", null, null, null, null);

		Article article = this.normalizer.normalize(huge, "f", FEED_URL, null, FETCHED);

		assertThat(article.text()).hasSize(ArticleNormalizer.MAX_TEXT_CHARS);
		assertThat(article.title()).hasSize(ArticleNormalizer.MAX_TITLE_CHARS);
	}

	@Test
	void shouldDropAnUnreadableLanguage() {
		assertThat(ArticleNormalizer.languageTag("ps-AF")).isEqualTo("ps-AF");
		assertThat(ArticleNormalizer.languageTag("not a language!")).isNull();
		assertThat(ArticleNormalizer.languageTag(" ")).isNull();
	}

	private static FeedEntry entry(String link, String guid) {
		return new FeedEntry(guid, link, "Talks resume", "<p>Delegations met again on Monday.</p>", null, null, null,
				null);
	}

}
