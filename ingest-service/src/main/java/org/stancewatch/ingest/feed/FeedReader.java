package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.contracts.Article;
import org.stancewatch.ingest.article.ArticleNormalizer;
import org.stancewatch.ingest.article.FeedEntry;
import org.stancewatch.ingest.article.FeedParseException;
import org.stancewatch.ingest.article.FeedParser;
import org.stancewatch.ingest.article.ParsedFeed;
import org.stancewatch.ingest.fetch.FeedFetcher;
import org.stancewatch.ingest.fetch.FetchResult;
import org.stancewatch.ingest.fetch.HostLimiter;
import org.stancewatch.ingest.intake.ArticleStore;

import org.springframework.stereotype.Component;

/**
 * One poll of one feed: a conditional GET, then each new item normalised (its page
 * fetched when the feed carries only a summary), stored and queued for Kafka. Whatever
 * fails is returned as the poll's outcome, to be recorded against the feed.
 */
@Component
class FeedReader {

	private static final Logger logger = LoggerFactory.getLogger(FeedReader.class);

	private final FeedFetcher fetcher;

	private final HostLimiter hosts;

	private final FeedParser parser = new FeedParser();

	private final ArticleStore store;

	private final Clock clock;

	private final Counter newArticles;

	private final Counter duplicateArticles;

	private final ArticlePages pages;

	private final ArticleNormalizer normalizer = new ArticleNormalizer();

	FeedReader(FeedFetcher fetcher, HostLimiter hosts, ArticlePages pages, ArticleStore store, Clock clock,
			MeterRegistry meters) {
		this.pages = pages;
		this.fetcher = fetcher;
		this.hosts = hosts;
		this.store = store;
		this.clock = clock;
		this.newArticles = Counter.builder("stancewatch.ingest.articles")
			.tag("kind", "new")
			.description("Articles read from feeds")
			.register(meters);
		this.duplicateArticles = Counter.builder("stancewatch.ingest.articles")
			.tag("kind", "duplicate")
			.description("Articles read from feeds")
			.register(meters);
	}

	PollResult read(DueFeed feed) {
		FetchResult fetched;
		try {
			fetched = this.hosts.callExclusively(feed.url(),
					() -> this.fetcher.fetch(feed.url(), feed.etag(), feed.lastModified()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return PollResult.failed(null, "Interrupted while waiting for the host");
		}
		if (fetched instanceof FetchResult.Ok ok) {
			return readEntries(feed, ok);
		}
		if (fetched instanceof FetchResult.NotModified notModified) {
			return new PollResult(PollResult.Outcome.NOT_MODIFIED, 304, null, notModified.etag(),
					notModified.lastModified(), notModified.permanentRedirect(), null, 0);
		}
		if (fetched instanceof FetchResult.Gone gone) {
			return new PollResult(PollResult.Outcome.GONE, 410, "Gone (410) at " + gone.finalUrl() + ": feed disabled",
					null, null, null, null, 0);
		}
		if (fetched instanceof FetchResult.Throttled throttled) {
			return new PollResult(PollResult.Outcome.THROTTLED, throttled.status(),
					"Throttled (" + throttled.status() + "), retry after "
							+ ((throttled.retryAfter() != null) ? throttled.retryAfter() : "backoff"),
					null, null, null, throttled.retryAfter(), 0);
		}
		FetchResult.Failed failed = (FetchResult.Failed) fetched;
		return PollResult.failed((failed.status() > 0) ? failed.status() : null,
				failed.kind() + ": " + failed.reason());
	}

	private PollResult readEntries(DueFeed feed, FetchResult.Ok ok) {
		ParsedFeed parsed;
		try {
			parsed = this.parser.parse(ok.body(), ok.contentType(), ok.finalUrl());
		}
		catch (FeedParseException ex) {
			return new PollResult(PollResult.Outcome.FAILED, 200, "Unreadable feed: " + ex.getMessage(), ok.etag(),
					ok.lastModified(), ok.permanentRedirect(), null, 0);
		}
		Instant fetchedAt = this.clock.instant();
		Map<String, Article> read = new LinkedHashMap<>();
		Set<String> linked = new HashSet<>();
		for (FeedEntry entry : parsed.entries()) {
			try {
				Article article = this.normalizer.normalize(entry, Long.toString(feed.id()), feed.url(),
						parsed.language(), fetchedAt);
				read.putIfAbsent(article.id(), article);
				if (entry.link() != null) {
					linked.add(article.id());
				}
			}
			catch (IllegalArgumentException ex) {
				logger.info("Feed {}: skipped an item that cannot be read: {}", feed.id(), ex.getMessage());
			}
		}
		Set<String> known = this.store.known(read.keySet());
		List<Article> fresh = new ArrayList<>();
		for (Article article : read.values()) {
			if (!known.contains(article.id())) {
				fresh.add((feed.fetchFullText() && linked.contains(article.id())) ? withFullText(article) : article);
			}
		}
		int added = this.store.saveAll(fresh).size();
		this.newArticles.increment(added);
		this.duplicateArticles.increment(read.size() - added);
		return new PollResult(PollResult.Outcome.OK, 200, null, ok.etag(), ok.lastModified(), ok.permanentRedirect(),
				null, added);
	}

	/** The article with its page's main text when the feed gave only a teaser. */
	private Article withFullText(Article article) {
		if (this.pages.wantsFullText(article.text())) {
			String pageText = this.pages.mainText(URI.create(article.url()));
			if (pageText != null && pageText.length() > article.text().length()) {
				return this.normalizer.withText(article, pageText);
			}
		}
		return article;
	}

}
