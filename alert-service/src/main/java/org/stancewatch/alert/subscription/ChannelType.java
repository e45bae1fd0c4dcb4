package org.stancewatch.alert.subscription;

/** Where a subscription's alerts go. */
public enum ChannelType {

	/** Standard Webhooks: signed JSON POST. */
	WEBHOOK,
	/** E-mail over SMTP, plain text and HTML. */
	EMAIL,
	/** Slack-compatible incoming webhook: {@code {"text": ...}}. */
	CHAT

}
