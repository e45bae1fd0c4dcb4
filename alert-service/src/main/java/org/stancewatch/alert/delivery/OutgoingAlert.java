package org.stancewatch.alert.delivery;

import java.util.UUID;

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
 */
public record OutgoingAlert(UUID deliveryId, Subscription subscription, DeliveryKind kind, StanceShift shift,
		AlertContent content) {

}
