package org.stancewatch.ingest.article;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.stancewatch.contracts.Article;
import org.stancewatch.ingest.fetch.FeedFetcher;
import org.stancewatch.ingest.fetch.FetchResult;
import org.stancewatch.ingest.fetch.FetchSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seams used together as the poller will: fetch a feed from a real local server,
 * parse it, normalise its entries, and replace a teaser by the full text of its page,
 * fetched with the same fetcher.
 */
class FeedToArticleTests {

	private final HttpServer server;

	private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));

	FeedToArticleTests() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/rss", (exchange) -> send(exchange, "application/rss+xml; charset=utf-8", feed()));
		this.server.createContext("/world/delisting",
				(exchange) -> send(exchange, "text/html; charset=utf-8",
						"<html><body><nav><a href='/'>Home</a></nav><article>" + ArticleFixtures.DELISTING_ORIGINAL
								+ "</article><footer>All rights reserved.</footer></body></html>"));
		this.server.start();
	}

	@AfterEach
	void stop() throws IOException {
		this.fetcher.close();
		this.server.stop(0);
	}

	@Test
	void shouldTurnATeaserFeedIntoFullArticles() throws FeedParseException {
		URI feedUrl = base().resolve("/rss");
		FeedParser parser = new FeedParser();
		ArticleNormalizer normalizer = new ArticleNormalizer();
		FullTextExtractor extractor = new FullTextExtractor();
		Instant now = Instant.parse("2025-01-06T12:00:00Z");

		FetchResult.Ok fetched = (FetchResult.Ok) this.fetcher.fetch(feedUrl, null, null);
		ParsedFeed feed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
		List<Article> articles = new ArrayList<>();
		for (FeedEntry entry : feed.entries()) {
			Article article = normalizer.normalize(entry, "feed-1", feedUrl, feed.language(), now);
			if (extractor.wantsFullText(article.text())) {
				FetchResult page = this.fetcher.fetch(URI.create(article.url()), null, null);
				if (page instanceof FetchResult.Ok ok) {
					Article teaser = article;
					article = extractor.extract(ok.body(), ok.charset(), ok.finalUrl())
						.map((text) -> normalizer.withText(teaser, text))
						.orElse(teaser);
				}
			}
			articles.add(article);
		}

		assertThat(articles).hasSize(1);
		Article article = articles.get(0);
		assertThat(article.canonicalUrl()).isEqualTo(base().resolve("/world/delisting").toString());
		assertThat(article.summary()).isEqualTo("Astana ends a designation that stood for two decades.");
		assertThat(article.text()).contains("A ministry spokesman told reporters")
			.doesNotContain("All rights reserved");
		assertThat(article.language()).isEqualTo("en");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-01-06T09:30:00Z"));
	}

	private String feed() {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<rss version="2.0"><channel><title>Steppe Wire: World</title><link>%s</link><language>en</language>
				<item><title>Kazakhstan drops Taliban from banned list</title>
				<link>/world/delisting?utm_source=rss</link><guid isPermaLink="false">sw-1</guid>
				<pubDate>Mon, 06 Jan 2025 09:30:00 GMT</pubDate>
				<description>Astana ends a designation that stood for two decades.</description></item>
				</channel></rss>
				""".formatted(base());
	}

	private URI base() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
