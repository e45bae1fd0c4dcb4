package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A registered feed and its health, as the API shows it.
 *
 * @param id the feed's id
 * @param url where it is fetched
 * @param title its name, from the operator or the feed itself
 * @param enabled whether it is polled
 * @param disabledReason why it was disabled (e.g. the server answered 410 Gone)
 * @param pollInterval how often it is polled when healthy
 * @param fetchFullText whether article pages are fetched when the feed carries only a
 * summary
 * @param health the outcome of the last polls
 */
public record Feed(long id, URI url, @Nullable String title, boolean enabled, @Nullable String disabledReason,
		Duration pollInterval, boolean fetchFullText, Health health) {

	/**
	 * @param lastStatus outcome of the last poll (OK, NOT_MODIFIED, FAILED, THROTTLED,
	 * GONE)
	 * @param lastError what went wrong in the last poll, when it failed
	 * @param lastPolledAt when it was last polled
	 * @param consecutiveFailures failed polls in a row
	 * @param nextPollAt when it is next due
	 */
	public record Health(@Nullable String lastStatus, @Nullable String lastError, @Nullable Instant lastPolledAt,
			int consecutiveFailures, Instant nextPollAt) {
	}

}
