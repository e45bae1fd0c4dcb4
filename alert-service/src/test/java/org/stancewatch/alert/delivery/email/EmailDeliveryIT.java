package org.stancewatch.alert.delivery.email;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.testsupport.RealKafkaAndPostgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alert e-mails through a real SMTP server (GreenMail, in this JVM). */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stancewatch.alert.admin-key=mail-admin-key",
				"stancewatch.alert.public-url=https://stancewatch.example.org",
				"stancewatch.alert.delivery.mail-from=alerts@stancewatch.example.org",
				"stancewatch.alert.delivery.poll-interval=100ms", "spring.mail.host=127.0.0.1" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class EmailDeliveryIT {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldMailTheShiftWithEvidenceSourcesHistoryAndAOneClickUnsubscribeLinkThatWorks() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String key = api.newSubscriber("mail-admin-key", "analyst");
		String id = api
			.post("/api/subscriptions", key,
					"{\"actors\":[\"RU\"],\"channel\":{\"type\":\"EMAIL\",\"email\":\"analyst@example.org\"}}")
			.json()
			.get("id")
			.asString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(ShiftFixtures.recognition("RU")));

		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("analyst@example.org");
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("alerts@stancewatch.example.org");
		assertThat(mail.getSubject()).isEqualTo("stancewatch: Russia toward Afghanistan: NORMALIZED -> RECOGNIZED");
		List<Part> parts = textParts(mail);
		assertThat(parts).extracting((part) -> part.getContentType().replaceAll(";.*", "").toLowerCase())
			.containsExactly("text/plain", "text/html");
		String text = (String) parts.get(0).getContent();
		String html = (String) parts.get(1).getContent();
		assertThat(text).contains("moved from NORMALIZED to RECOGNIZED")
			.contains("on 3 July 2025")
			.contains("The foreign ministry said on Thursday")
			.contains("Sources (2):")
			.contains("https://news2.example.org/world/ru-kabul-2")
			.contains("https://stancewatch.example.org/api/stances/RU");
		assertThat(html).contains("<blockquote>The foreign ministry said on Thursday")
			.contains("<a href=\"https://news1.example.org/world/ru-kabul-1\">")
			.contains("Confidence:</strong> 90%");
		String listUnsubscribe = mail.getHeader("List-Unsubscribe", null);
		assertThat(listUnsubscribe).startsWith("<https://stancewatch.example.org/api/unsubscribe?token=");
		assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String unsubscribePath = listUnsubscribe.substring(1, listUnsubscribe.length() - 1)
			.replace("https://stancewatch.example.org", "");
		assertThat(text).contains(unsubscribePath);
		assertThat(html).contains(unsubscribePath);

		ApiClient.Response forged = api.post("/api/unsubscribe?token=" + id + ".forged", null, null);
		ApiClient.Response confirmPage = api.get(unsubscribePath, null);

		assertThat(forged.status()).isEqualTo(404);
		assertThat(confirmPage.status()).isEqualTo(200);
		assertThat(confirmPage.body()).contains("<form method=\"post\">");
		assertThat(status(api, key, id)).as("a link scanner's GET unsubscribes nobody").isEqualTo("ACTIVE");

		ApiClient.Response oneClick = api.post(unsubscribePath, null, null);

		assertThat(oneClick.status()).isEqualTo(200);
		assertThat(oneClick.body()).contains("no more alerts");
		assertThat(status(api, key, id)).isEqualTo("DISABLED");
		assertThat(api.get("/api/subscriptions/" + id, key).json().get("disabledReason").asString())
			.contains("unsubscribed");
		assertThat(api.post(unsubscribePath, null, null).status()).as("idempotent").isEqualTo(200);
	}

	private static String status(ApiClient api, String key, String id) {
		return api.get("/api/subscriptions/" + id, key).json().get("status").asString();
	}

	private static List<Part> textParts(Part part) throws MessagingException, IOException {
		List<Part> found = new ArrayList<>();
		if (part.isMimeType("text/*")) {
			found.add(part);
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				found.addAll(textParts(child));
			}
		}
		return found;
	}

}
