package org.stancewatch.alert.delivery;

import org.stancewatch.alert.subscription.ChannelType;

/** Sends alerts one way: webhook, e-mail or chat. Never throws for a failed send. */
public interface AlertChannel {

	ChannelType type();

	SendResult send(OutgoingAlert alert);

}
