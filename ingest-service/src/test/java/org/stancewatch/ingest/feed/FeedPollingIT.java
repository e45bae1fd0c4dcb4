package org.stancewatch.ingest.feed;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The poller against a real HTTP feed server on loopback, with its articles going through
 * the outbox to a real broker. The poll loop is off; each test polls when it wants to.
 */
@SpringBootTest(properties = { "stancewatch.ingest.poll.enabled=false",
		"stancewatch.ingest.fetch.allow-private-addresses=true", "stancewatch.ingest.poll.jitter=0" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class FeedPollingIT {

	private final LocalFeedServer site = new LocalFeedServer();

	@Autowired
	FeedPoller poller;

	@Autowired
	FeedRepository feeds;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void stopSite() {
		this.site.close();
	}

	@Test
	void shouldPublishEachItemOnceAcrossConditionalPolls() {
		this.site.addItem(item("guid-1", "/story/1", "Border talks resume"));
		this.site.addItem(item("guid-2", "/story/2", "Aid convoy reaches the valley"));
		this.site.page("/story/1", page("Negotiators from both sides met for a second day at the crossing."));
		this.site.page("/story/2", page("The convoy carried flour, blankets and medicine for the winter."));
		Feed feed = register("/feed.xml");

		assertThat(pollNow(feed))
			.extracting(FeedRepository.FetchRecord::outcome, FeedRepository.FetchRecord::newArticles)
			.containsExactly("OK", 2);
		List<Article> published = awaitArticles(feed, 2);
		assertThat(published).extracting(Article::title)
			.containsExactlyInAnyOrder("Border talks resume", "Aid convoy reaches the valley");
		assertThat(published).extracting(Article::text)
			.as("the page's main text replaces the short feed summary")
			.anyMatch((text) -> text.contains("met for a second day at the crossing"));
		assertThat(published).allSatisfy((article) -> {
			assertThat(article.feedId()).isEqualTo(Long.toString(feed.id()));
			assertThat(article.language()).isEqualTo("en");
			assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-11-03T10:00:00Z"));
		});

		assertThat(pollNow(feed).outcome()).isEqualTo("NOT_MODIFIED");
		assertThat(this.site.feedRequests()).isEqualTo(2);

		this.site.addItem(item("guid-3", "/story/3", "Traders reopen the market"));
		assertThat(pollNow(feed).newArticles()).isEqualTo(1);
		this.site.addItem(item(null, "/story/4?utm_source=feed", "Wheat prices fall"));
		assertThat(pollNow(feed).newArticles()).isEqualTo(1);
		this.site.replaceItem(3, item(null, "/story/4?utm_source=feed&utm_medium=rss", "Wheat prices fall, again"));
		FeedRepository.FetchRecord edited = pollNow(feed);
		assertThat(edited.outcome()).isEqualTo("OK");
		assertThat(edited.newArticles()).as("an edited item without a guid keeps its link's id").isZero();

		assertThat(awaitArticles(feed, 4)).hasSize(4);
		assertThat(articlesOnKafka(feed, Duration.ofSeconds(2))).as("nothing published twice").hasSize(4);
	}

	@Test
	void shouldLinkASyndicatedCopyToTheOriginalWhenOnePollBringsBoth() {
		String report = "The regional council voted on Tuesday to reopen the mountain road to lorries after three weeks of"
				+ " closures, and engineers said the repaired bridge could carry full loads again. Drivers who had"
				+ " waited at the checkpoint since the storm welcomed the decision, while traders warned that prices"
				+ " for flour and fuel would take some time to fall back to their autumn levels in the markets.";
		this.site.addItem(story("/copy/road", "Mountain road reopens", "Wed, 05 Nov 2025 09:00:00 GMT",
				report + " This report first appeared on another desk."));
		this.site.addItem(story("/original/road", "Road to reopen", "Tue, 04 Nov 2025 18:00:00 GMT", report));
		Feed feed = register("/feed.xml");

		assertThat(pollNow(feed).newArticles()).isEqualTo(2);

		List<Article> published = awaitArticles(feed, 2);
		Article original = published.stream().filter((a) -> a.url().contains("/original/")).findFirst().orElseThrow();
		Article copy = published.stream().filter((a) -> a.url().contains("/copy/")).findFirst().orElseThrow();
		assertThat(original.duplicateOf()).as("the earlier article is the original").isNull();
		assertThat(copy.duplicateOf()).isEqualTo(original.id());
	}

	@Test
	void shouldFindACopyOfACopyThatTheSamePollBrought() {
		String story = "The water authority said on Thursday that the new canal had reached the last three villages of"
				+ " the district, and that farmers there could plant a second crop of wheat this year. Engineers"
				+ " expect the sluice gates to be finished before the floods, and the district council has asked"
				+ " for a second pumping station to be built on the eastern bank before the end of the summer.";
		String comment = "Economists at the provincial college said the canal was the largest project of its kind in"
				+ " a decade, and that its cost would be recovered within five harvests if the water is shared"
				+ " fairly between the villages upstream and those at the end of the line.";
		String storyEnd = story.substring(story.indexOf("Engineers"));
		this.site.addItem(story("/canal/original", "Canal reaches villages", "Mon, 10 Nov 2025 08:00:00 GMT", story));
		this.site.addItem(story("/canal/extended", "A canal for the district", "Mon, 10 Nov 2025 12:00:00 GMT",
				story + " " + comment));
		this.site.addItem(story("/canal/drifted", "What the canal will cost", "Mon, 10 Nov 2025 16:00:00 GMT",
				comment + " " + storyEnd));
		Feed feed = register("/feed.xml");

		assertThat(pollNow(feed).newArticles()).isEqualTo(3);

		List<Article> published = awaitArticles(feed, 3);
		String original = published.stream()
			.filter((a) -> a.url().endsWith("/original"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(published).filteredOn((a) -> !a.id().equals(original))
			.extracting(Article::duplicateOf)
			.as("the extended copy, and the copy that resembles only it")
			.containsExactly(original, original);
	}

	@Test
	void shouldDisableAFeedThatIsGone() {
		this.site.answer("/gone.xml", 410, Map.of());
		Feed feed = register("/gone.xml");
		assertThat(pollNow(feed).outcome()).isEqualTo("GONE");
		Feed after = this.feeds.find(feed.id()).orElseThrow();
		assertThat(after.enabled()).isFalse();
		assertThat(after.disabledReason()).contains("410");
	}

	@Test
	void shouldHonourRetryAfterWhenThrottled() {
		this.site.answer("/busy.xml", 429, Map.of("Retry-After", "120"));
		Feed feed = register("/busy.xml");
		assertThat(pollNow(feed).outcome()).isEqualTo("THROTTLED");
		Feed after = this.feeds.find(feed.id()).orElseThrow();
		assertThat(Duration.between(Instant.now(), after.health().nextPollAt()).toSeconds()).isCloseTo(120,
				within(10L));
	}

	@Test
	void shouldBackOffExponentiallyAndRecordTheError() {
		this.site.answer("/error.xml", 500, Map.of());
		Feed feed = register("/error.xml");
		pollNow(feed);
		Feed once = this.feeds.find(feed.id()).orElseThrow();
		assertThat(once.health().consecutiveFailures()).isEqualTo(1);
		assertThat(once.health().lastError()).contains("500");
		assertThat(secondsUntilNextPoll(once)).isCloseTo(300, within(10L));
		pollNow(feed);
		Feed twice = this.feeds.find(feed.id()).orElseThrow();
		assertThat(twice.health().consecutiveFailures()).isEqualTo(2);
		assertThat(secondsUntilNextPoll(twice)).isCloseTo(600, within(10L));
	}

	@Test
	void shouldRecordAnUnreadableFeedAgainstItAndKeepPolling() {
		Feed feed = register("/broken.xml");
		FeedRepository.FetchRecord poll = pollNow(feed);
		assertThat(poll.outcome()).isEqualTo("FAILED");
		assertThat(poll.error()).startsWith("Unreadable feed");
		assertThat(this.feeds.find(feed.id()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void shouldFollowAPermanentRedirectAndRememberTheNewUrl() {
		this.site.addItem(item("guid-m", "/story/m", "A desk moves"));
		this.site.answer("/old.xml", 301, Map.of("Location", this.site.url("/moved.xml")));
		Feed feed = register("/old.xml");
		assertThat(pollNow(feed).outcome()).isEqualTo("OK");
		assertThat(this.feeds.find(feed.id()).orElseThrow().url()).isEqualTo(URI.create(this.site.url("/moved.xml")));
	}

	private Feed register(String path) {
		return this.feeds.create(URI.create(this.site.url(path)), null, Duration.ofMinutes(5), true, true)
			.orElseThrow();
	}

	/**
	 * Makes the feed due, lets the poller claim it, and waits for the poll to be
	 * recorded.
	 */
	private FeedRepository.FetchRecord pollNow(Feed feed) {
		int before = this.feeds.history(feed.id(), 1000).size();
		this.jdbc.sql("update feed set next_poll_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), feed.id())
			.update();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.poller.pollDue();
			return this.feeds.history(feed.id(), 1000).size() > before;
		});
		return this.feeds.history(feed.id(), 1).get(0);
	}

	private List<Article> awaitArticles(Feed feed, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> articlesOnKafka(feed, Duration.ofMillis(500)).size() >= count);
		return articlesOnKafka(feed, Duration.ofMillis(500));
	}

	private List<Article> articlesOnKafka(Feed feed, Duration wait) {
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.ARTICLES)) {
			return reader.readFor(wait)
				.stream()
				.map(ConsumerRecord::value)
				.map((json) -> EventJson.read(json, Article.class))
				.filter((article) -> Long.toString(feed.id()).equals(article.feedId())
						&& article.url().startsWith(this.site.url("/")))
				.toList();
		}
	}

	private static long secondsUntilNextPoll(Feed feed) {
		return Duration.between(Instant.now(), feed.health().nextPollAt()).toSeconds();
	}

	private String item(String guid, String path, String title) {
		return """
				<item>%s<link>%s</link><title>%s</title>
				<description>Short summary.</description><pubDate>Mon, 03 Nov 2025 10:00:00 GMT</pubDate></item>"""
			.formatted((guid != null) ? "<guid isPermaLink=\"false\">" + guid + "</guid>" : "", this.site.url(path),
					title);
	}

	private String story(String path, String title, String pubDate, String text) {
		return "<item><link>%s</link><title>%s</title><description>%s</description><pubDate>%s</pubDate></item>"
			.formatted(this.site.url(path), title, text, pubDate);
	}

	private static String page(String body) {
		return """
				<html><head><title>Story</title></head><body>
				<nav><a href="/">Home</a> <a href="/world">World</a></nav>
				<article><h1>Story</h1><p>%s</p>
				<p>Officials said more meetings would follow next month, and that a working group would draft the
				terms of a customs agreement before the next round. Traders who cross twice a week said waiting
				times had fallen from two days to a few hours since the new schedule began.</p>
				<p>Local councils asked for the road to be cleared of snow earlier in the season, because the
				lorries carrying fuel and flour have been turned back twice already this winter. A spokesman for
				the provincial governor said machinery had been sent from the neighbouring district.</p>
				<p>Aid groups welcomed the talks but warned that prices in the markets remain high, and that
				families in the highland villages depend on the route for most of their supplies until spring.</p>
				</article>
				<footer>Copyright the local desk</footer></body></html>""".formatted(body);
	}

}
