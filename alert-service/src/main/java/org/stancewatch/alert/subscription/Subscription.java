package org.stancewatch.alert.subscription;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber's standing request for alerts.
 *
 * @param id the subscription id
 * @param subscriberId its owner
 * @param name a label chosen by the subscriber
 * @param filter which shifts it wants
 * @param channel where they go
 * @param status active, or disabled (by the subscriber, an unsubscribe link or failures)
 * @param disabledReason why it was disabled
 * @param disabledAt when it was disabled
 * @param failingSince start of the current run of failed attempts
 * @param createdAt when it was created
 */
public record Subscription(UUID id, UUID subscriberId, @Nullable String name, SubscriptionFilter filter,
		Channel channel, Status status, @Nullable String disabledReason, @Nullable Instant disabledAt,
		@Nullable Instant failingSince, Instant createdAt) {

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	/** Whether alerts are sent. */
	public enum Status {

		ACTIVE, DISABLED

	}

}
