package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one poll of a feed came to, as recorded against the feed.
 *
 * @param outcome OK, NOT_MODIFIED, FAILED, THROTTLED or GONE
 * @param httpStatus the status the server answered, when known
 * @param error what went wrong, in words, when it failed
 * @param etag validator to send next time
 * @param lastModified validator to send next time
 * @param movedTo where the feed moved for good (301/308), to update its URL
 * @param retryAfter how long the server asked to wait
 * @param newArticles articles seen for the first time
 */
record PollResult(Outcome outcome, @Nullable Integer httpStatus, @Nullable String error, @Nullable String etag,
		@Nullable String lastModified, @Nullable URI movedTo, @Nullable Duration retryAfter, int newArticles) {

	static PollResult failed(@Nullable Integer httpStatus, String error) {
		return new PollResult(Outcome.FAILED, httpStatus, error, null, null, null, null, 0);
	}

	enum Outcome {

		OK, NOT_MODIFIED, FAILED, THROTTLED, GONE

	}

}
