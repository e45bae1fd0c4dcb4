package org.stancewatch.alert.delivery.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.stancewatch.alert.delivery.AlertChannel;
import org.stancewatch.alert.delivery.DeliveryKind;
import org.stancewatch.alert.delivery.OutgoingAlert;
import org.stancewatch.alert.delivery.SendResult;
import org.stancewatch.alert.subscription.ChannelType;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.StanceShift;

import org.springframework.stereotype.Component;

/**
 * Standard Webhooks: a JSON body {@code {type, timestamp, data}} with {@code webhook-id}
 * (the delivery id, the same on every retry), {@code webhook-timestamp} and
 * {@code webhook-signature}, and the W3C {@code traceparent} of the article's trace.
 */
@Component
class WebhookChannel implements AlertChannel {

	private final WebhookClient client;

	WebhookChannel(WebhookClient client) {
		this.client = client;
	}

	@Override
	public ChannelType type() {
		return ChannelType.WEBHOOK;
	}

	@Override
	public SendResult send(OutgoingAlert alert) {
		String id = alert.deliveryId().toString();
		long timestamp = Instant.now().getEpochSecond();
		byte[] body = EventJson.write(new Payload(type(alert), alert.shift().detectedAt(),
				new Data(alert.shift(), alert.content().historyUrl(), alert.content().headline())));
		String secret = Objects.requireNonNull(alert.subscription().channel().webhookSecret(),
				"a webhook subscription always has a secret");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", StandardWebhookSigner.sign(secret, id, timestamp, body));
		if (alert.traceparent() != null) {
			// W3C Trace Context: the receiver's logs can carry the article's trace id on.
			headers.put("traceparent", alert.traceparent());
		}
		return this.client.post(alert.subscription().channel().address(), body, headers);
	}

	private static String type(OutgoingAlert alert) {
		if (alert.kind() == DeliveryKind.TEST) {
			return "stancewatch.test";
		}
		return (alert.shift().kind() == StanceShift.Kind.SIGNAL) ? "stance.signal" : "stance.shift";
	}

	/**
	 * The body, in the envelope Standard Webhooks recommends.
	 *
	 * @param type {@code stance.shift}, {@code stance.signal} or {@code stancewatch.test}
	 * @param timestamp when the shift was detected
	 * @param data the shift and where to read more
	 */
	record Payload(String type, Instant timestamp, Data data) {
	}

	/**
	 * @param shift the shift as on {@code stancewatch.stance-shifts.v1}
	 * @param historyUrl the actor's stance history
	 * @param summary the move in one sentence
	 */
	record Data(StanceShift shift, String historyUrl, String summary) {
	}

}
