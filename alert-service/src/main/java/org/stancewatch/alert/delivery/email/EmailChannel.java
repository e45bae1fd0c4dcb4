package org.stancewatch.alert.delivery.email;

import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.stancewatch.alert.delivery.AlertChannel;
import org.stancewatch.alert.delivery.AlertContent;
import org.stancewatch.alert.delivery.DeliveryProperties;
import org.stancewatch.alert.delivery.OutgoingAlert;
import org.stancewatch.alert.delivery.SendResult;
import org.stancewatch.alert.subscription.ChannelType;
import org.stancewatch.alert.subscription.SignedTokens;
import org.stancewatch.contracts.StanceShift;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Alerts by SMTP ({@code spring.mail.*}): plain text and HTML, with a one-click
 * unsubscribe link that works without login, also offered as RFC 2369/8058
 * List-Unsubscribe headers.
 */
@Component
class EmailChannel implements AlertChannel {

	private final ObjectProvider<JavaMailSender> mailSender;

	private final SignedTokens tokens;

	private final String from;

	private final String publicUrl;

	private final Duration timeout;

	EmailChannel(ObjectProvider<JavaMailSender> mailSender, SignedTokens tokens, DeliveryProperties properties,
			@Value("${stancewatch.alert.public-url:http://localhost:8080}") String publicUrl) {
		this.mailSender = mailSender;
		this.tokens = tokens;
		this.from = properties.mailFrom();
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.timeout = properties.webhookTimeout();
	}

	@Override
	public ChannelType type() {
		return ChannelType.EMAIL;
	}

	@Override
	public SendResult send(OutgoingAlert alert) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return SendResult.failed(null, "no SMTP server is configured (spring.mail.host)");
		}
		boundTimeouts(sender);
		String unsubscribeUrl = this.publicUrl + "/api/unsubscribe?token="
				+ this.tokens.issue(SignedTokens.Purpose.UNSUBSCRIBE, alert.subscription().id());
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(alert.subscription().channel().address());
			helper.setSubject("stancewatch: " + alert.content().subject());
			helper.setText(plainText(alert.content(), unsubscribeUrl), html(alert.content(), unsubscribeUrl));
			message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			message.setHeader("X-Stancewatch-Delivery", alert.deliveryId().toString());
			sender.send(message);
			return SendResult.delivered(null);
		}
		catch (MessagingException | MailException ex) {
			return SendResult.failed(null, "SMTP: " + ex.getMessage());
		}
	}

	/**
	 * JavaMail waits forever by default; a hung SMTP server would outlive the delivery's
	 * lease and another worker would send the mail again. Settings already given in
	 * {@code spring.mail.properties.*} win.
	 */
	private void boundTimeouts(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl impl) {
			String millis = Long.toString(this.timeout.toMillis());
			for (String key : new String[] { "mail.smtp.connectiontimeout", "mail.smtp.timeout",
					"mail.smtp.writetimeout" }) {
				impl.getJavaMailProperties().putIfAbsent(key, millis);
			}
		}
	}

	static String plainText(AlertContent content, String unsubscribeUrl) {
		return content.plainText() + "\n--\nUnsubscribe with one click: " + unsubscribeUrl + "\n";
	}

	static String html(AlertContent content, String unsubscribeUrl) {
		StringBuilder html = new StringBuilder("<!doctype html><html><body>");
		if (content.note() != null) {
			html.append("<p><em>").append(escape(content.note())).append("</em></p>");
		}
		html.append("<h2>").append(escape(content.headline())).append("</h2>");
		html.append("<p><strong>Act:</strong> ").append(escape(content.act())).append("</p>");
		html.append("<blockquote>").append(escape(content.evidence())).append("</blockquote>");
		html.append("<p><strong>Confidence:</strong> ").append(content.confidencePercent()).append("</p>");
		html.append("<p><strong>Sources (").append(content.sources().size()).append("):</strong></p><ul>");
		for (StanceShift.Source source : content.sources()) {
			html.append("<li><a href=\"")
				.append(escape(source.url()))
				.append("\">")
				.append(escape(AlertContent.sourceLabel(source)))
				.append("</a></li>");
		}
		html.append("</ul><p><a href=\"").append(escape(content.historyUrl())).append("\">Stance history</a></p>");
		html.append("<hr><p style=\"font-size:small\"><a href=\"")
			.append(escape(unsubscribeUrl))
			.append("\">Unsubscribe</a> with one click.</p></body></html>");
		return html.toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
