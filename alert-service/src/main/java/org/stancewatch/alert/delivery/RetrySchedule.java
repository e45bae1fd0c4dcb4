package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When to try again after a failed attempt: exponential-ish waits with jitter. */
final class RetrySchedule {

	private final List<Duration> waits;

	private final double jitter;

	private final RandomGenerator random;

	RetrySchedule(List<Duration> waits, double jitter, RandomGenerator random) {
		this.waits = List.copyOf(waits);
		this.jitter = jitter;
		this.random = random;
	}

	/**
	 * @param failedAttempts failed attempts so far in this round, the one just made
	 * included
	 * @return when to try next, or empty when the schedule is exhausted
	 */
	Optional<Instant> next(int failedAttempts, Instant now) {
		if (failedAttempts < 1 || failedAttempts > this.waits.size()) {
			return Optional.empty();
		}
		Duration wait = this.waits.get(failedAttempts - 1);
		double factor = 1 + (this.jitter == 0 ? 0 : this.random.nextDouble(-this.jitter, this.jitter));
		return Optional.of(now.plusMillis(Math.round(wait.toMillis() * factor)));
	}

}
