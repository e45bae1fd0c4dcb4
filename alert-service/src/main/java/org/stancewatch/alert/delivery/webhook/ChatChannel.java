package org.stancewatch.alert.delivery.webhook;

import java.util.Map;

import org.stancewatch.alert.delivery.AlertChannel;
import org.stancewatch.alert.delivery.AlertContent;
import org.stancewatch.alert.delivery.OutgoingAlert;
import org.stancewatch.alert.delivery.SendResult;
import org.stancewatch.alert.subscription.ChannelType;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.StanceShift;

import org.springframework.stereotype.Component;

/**
 * Slack-compatible incoming webhooks ({@code {"text": ...}}, which Mattermost,
 * Rocket.Chat and Discord's /slack endpoint also take). Links use Slack's
 * {@code <url|label>} form.
 */
@Component
class ChatChannel implements AlertChannel {

	private final WebhookClient client;

	ChatChannel(WebhookClient client) {
		this.client = client;
	}

	@Override
	public ChannelType type() {
		return ChannelType.CHAT;
	}

	@Override
	public SendResult send(OutgoingAlert alert) {
		byte[] body = EventJson.write(Map.of("text", text(alert.content())));
		Map<String, String> headers = (alert.traceparent() != null) ? Map.of("traceparent", alert.traceparent())
				: Map.of();
		return this.client.post(alert.subscription().channel().address(), body, headers);
	}

	static String text(AlertContent content) {
		StringBuilder text = new StringBuilder();
		if (content.note() != null) {
			text.append('_').append(escape(content.note())).append("_\n");
		}
		text.append('*').append(escape(content.headline())).append("*\n");
		text.append(escape(content.act())).append('\n');
		text.append("> ").append(escape(content.evidence())).append('\n');
		text.append("Confidence ").append(content.confidencePercent()).append(", ");
		text.append(content.sources().size()).append(content.sources().size() == 1 ? " source: " : " sources: ");
		for (int i = 0; i < content.sources().size(); i++) {
			StanceShift.Source source = content.sources().get(i);
			text.append((i > 0) ? ", " : "")
				.append('<')
				.append(source.url())
				.append('|')
				.append(escape(AlertContent.sourceLabel(source)))
				.append('>');
		}
		text.append("\n<").append(content.historyUrl()).append("|Stance history>");
		return text.toString();
	}

	/** Slack's three control characters. */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
