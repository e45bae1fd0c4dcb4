package org.stancewatch.alert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A delivery as the API shows it.
 *
 * @param id also the {@code webhook-id} header of every attempt
 * @param shiftId the shift it announces
 * @param kind alert or test
 * @param status PENDING, DELIVERED or FAILED
 * @param attemptCount attempts made
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastError what went wrong last
 * @param createdAt when it was created
 * @param deliveredAt when it was delivered
 * @param attempts each attempt, oldest first
 */
record DeliveryView(UUID id, String shiftId, DeliveryKind kind, String status, int attemptCount,
		@Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt,
		List<Attempt> attempts) {

	/**
	 * @param at when it started
	 * @param durationMs how long it took
	 * @param outcome how it ended
	 * @param statusCode HTTP status, for web channels
	 * @param error what went wrong
	 */
	record Attempt(Instant at, long durationMs, SendResult.Outcome outcome, @Nullable Integer statusCode,
			@Nullable String error) {
	}

}
