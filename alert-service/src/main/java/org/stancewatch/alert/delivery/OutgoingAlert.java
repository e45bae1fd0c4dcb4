package org.stancewatch.alert.delivery;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.contracts.StanceShift;

/**
 * One delivery, ready to send.
 *
 * @param deliveryId stable across retries: the webhook-id receivers dedup by
 * @param subscription where it goes
 * @param kind alert or test
 * @param shift what happened
 * @param content the words of the alert
 * @param traceparent the W3C trace context of this send, a child of the article's trace,
 * for channels that can carry it (a webhook's {@code traceparent} header); null with
 * tracing off
 */
public record OutgoingAlert(UUID deliveryId, Subscription subscription, DeliveryKind kind, StanceShift shift,
		AlertContent content, @Nullable String traceparent) {

}
