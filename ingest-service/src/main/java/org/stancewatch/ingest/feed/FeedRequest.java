package org.stancewatch.ingest.feed;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or change a feed. Absent optional fields take their
 * defaults on create and stay unchanged on update.
 *
 * @param url an http or https URL
 * @param title a name for the feed
 * @param pollInterval ISO-8601 duration, e.g. {@code PT5M}; at least one minute
 * @param enabled whether it is polled
 * @param fetchFullText whether article pages are fetched when the feed carries only a
 * summary
 */
record FeedRequest(
		@NotBlank @Size(max = 2048) @Pattern(regexp = "(?i)https?://\\S+",
				message = "must be an http or https URL") String url,
		@Nullable @Size(max = 500) String title, @Nullable Duration pollInterval, @Nullable Boolean enabled,
		@Nullable Boolean fetchFullText) {

	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

}
