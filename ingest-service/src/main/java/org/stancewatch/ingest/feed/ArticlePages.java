package org.stancewatch.ingest.feed;

import org.stancewatch.ingest.article.FullTextExtractor;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.stancewatch.ingest.IngestSettings;
import org.stancewatch.ingest.fetch.FeedFetcher;
import org.stancewatch.ingest.fetch.FetchResult;
import org.stancewatch.ingest.fetch.HostLimiter;
import org.stancewatch.ingest.fetch.RobotsRules;

import org.springframework.stereotype.Component;

/**
 * Fetches an article's page when its feed carries only a teaser, with the same limits,
 * address guard and per-host politeness as feeds, honouring the site's robots.txt, and
 * returns the page's main text. Any failure gives {@code null}: the feed's text is kept.
 */
@Component
class ArticlePages {

	private final FeedFetcher fetcher;

	private final HostLimiter hosts;

	private final RobotsRules robots;

	private final FullTextExtractor extractor;

	ArticlePages(FeedFetcher fetcher, HostLimiter hosts, RobotsRules robots, IngestSettings settings) {
		this.fetcher = fetcher;
		this.hosts = hosts;
		this.robots = robots;
		this.extractor = new FullTextExtractor(settings.fetch().fullTextBelow());
	}

	/** Whether a feed's text is a teaser, so the page is worth fetching. */
	public boolean wantsFullText(String feedText) {
		return this.extractor.wantsFullText(feedText);
	}

	/** The main text of the page, or {@code null} when it may not or cannot be read. */
	public @Nullable String mainText(URI page) {
		if (!this.robots.isAllowed(page)) {
			return null;
		}
		FetchResult result;
		try {
			result = this.hosts.callExclusively(page, () -> this.fetcher.fetch(page, null, null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		if (result instanceof FetchResult.Ok ok) {
			return this.extractor.extract(ok.body(), ok.charset(), ok.finalUrl()).orElse(null);
		}
		return null;
	}

}
