package org.stancewatch.ingest.article;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.jsoup.nodes.Entities;

/**
 * One item of a feed, as the feed tells it.
 *
 * @param guid the entry's id (RSS guid, Atom id), or {@code null}
 * @param link the entry's link, absolute (resolved against the feed), or {@code null}
 * @param title the title, plain text, or {@code null}
 * @param contentHtml the full content (RSS content:encoded, Atom content) as HTML, or
 * {@code null}; plain-text content is HTML-escaped so it reads the same way
 * @param summaryHtml the description or summary as HTML, or {@code null}
 * @param publishedAt when the feed says it was published, or {@code null}
 * @param updatedAt when the feed says it was updated, or {@code null}
 * @param author the author's name, or {@code null}
 */
public record FeedEntry(@Nullable String guid, @Nullable String link, @Nullable String title,
		@Nullable String contentHtml, @Nullable String summaryHtml, @Nullable Instant publishedAt,
		@Nullable Instant updatedAt, @Nullable String author) {

	/** The content when the feed has it, else the summary. */
	public @Nullable String bodyHtml() {
		return (this.contentHtml != null) ? this.contentHtml : this.summaryHtml;
	}

	/**
	 * An article posted or imported rather than read from a feed.
	 * @param url its URL
	 * @param title its title, when known
	 * @param body its body, HTML or plain text (plain text is escaped, so it reads the
	 * same)
	 * @param publishedAt when it was published, when known
	 */
	public static FeedEntry submitted(String url, @Nullable String title, String body, @Nullable Instant publishedAt) {
		String html = body.contains("<") ? body : Entities.escape(body).replace("\n\n", "<p>");
		return new FeedEntry(null, url, title, html, null, publishedAt, null, null);
	}

}
