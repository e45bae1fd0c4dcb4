package org.stancewatch.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A normalised news article, published to {@link Topics#ARTICLES} keyed by {@link #id()}.
 *
 * @param id stable id: a hash of the canonical URL, or of feed and guid
 * @param url the URL the article was read from
 * @param canonicalUrl the URL with tracking parameters and fragment removed
 * @param title the title, plain text
 * @param source the host of the site that published it
 * @param feedId the feed it came from; {@code null} when posted or imported
 * @param publishedAt when the source says it was published; {@code null} when absent or
 * unreadable, never the fetch time pretending to be the date
 * @param fetchedAt when stancewatch read it
 * @param language BCP 47 language tag when known
 * @param text the plain text of the body
 * @param summary the feed's summary, plain text
 * @param contentHash hash of the normalised text
 * @param duplicateOf id of an earlier near-duplicate (a syndicated copy), or {@code null}
 */
public record Article(String id, String url, String canonicalUrl, String title, String source, @Nullable String feedId,
		@Nullable Instant publishedAt, Instant fetchedAt, @Nullable String language, String text,
		@Nullable String summary, String contentHash, @Nullable String duplicateOf) {

}
