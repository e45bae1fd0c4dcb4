package org.stancewatch.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When a feed is polled next: its interval plus jitter when healthy; exponential backoff
 * capped at {@code maxBackoff} when failing (never parked forever); the server's
 * Retry-After when throttled.
 */
final class PollSchedule {

	private final double jitter;

	private final Duration maxBackoff;

	private final DoubleSupplier random;

	PollSchedule(double jitter, Duration maxBackoff, DoubleSupplier random) {
		this.jitter = jitter;
		this.maxBackoff = maxBackoff;
		this.random = random;
	}

	Instant afterSuccess(Instant now, Duration interval) {
		return now.plus(interval).plusMillis(jitterMillis(interval));
	}

	/**
	 * @param failures failed polls in a row, this one included
	 */
	Instant afterFailure(Instant now, Duration interval, int failures) {
		Duration backoff = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		if (backoff.compareTo(this.maxBackoff) > 0) {
			backoff = this.maxBackoff;
		}
		return now.plus(backoff).plusMillis(jitterMillis(backoff));
	}

	/** At the server's Retry-After when it gave one, else as a failure. */
	Instant afterThrottle(Instant now, Duration interval, @Nullable Duration retryAfter, int failures) {
		if (retryAfter == null) {
			return afterFailure(now, interval, failures);
		}
		Duration wait = (retryAfter.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : retryAfter;
		return now.plus(wait);
	}

	private long jitterMillis(Duration base) {
		return (long) (base.toMillis() * this.jitter * this.random.getAsDouble());
	}

}
