package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A feed claimed for polling, with what the poll needs.
 *
 * @param id the feed's id
 * @param url where to fetch it
 * @param etag validator from the last response
 * @param lastModified validator from the last response
 * @param interval its poll interval
 * @param fetchFullText whether to fetch article pages for short items
 * @param failures failed polls in a row so far
 */
record DueFeed(long id, URI url, @Nullable String etag, @Nullable String lastModified, Duration interval,
		boolean fetchFullText, int failures) {
}
