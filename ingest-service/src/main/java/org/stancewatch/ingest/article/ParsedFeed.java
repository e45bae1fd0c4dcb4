package org.stancewatch.ingest.article;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed feed.
 *
 * @param feedType the format ROME recognised, e.g. {@code rss_2.0} or {@code atom_1.0}
 * @param title the feed's title, plain text, or {@code null}
 * @param link the site the feed belongs to, absolute, or {@code null}
 * @param language the feed's declared language (RSS language, xml:lang), or {@code null}
 * @param entries the entries in feed order
 */
public record ParsedFeed(String feedType, @Nullable String title, @Nullable String link, @Nullable String language,
		List<FeedEntry> entries) {

	public ParsedFeed {
		entries = List.copyOf(entries);
	}

}
