package org.stancewatch.extract.pipeline;

import java.time.Instant;

import org.stancewatch.contracts.Article;

/** Articles written for these tests. */
final class Articles {

	static final Instant PUBLISHED = Instant.parse("2026-03-12T08:30:00Z");

	private Articles() {
	}

	static Article article(String id, String text) {
		String url = "https://news.example/world/" + id;
		return new Article(id, url, url, "Diplomatic roundup " + id, "news.example", "feed-world", PUBLISHED,
				PUBLISHED.plusSeconds(600), "en", text, null, "hash-" + id, null);
	}

}
