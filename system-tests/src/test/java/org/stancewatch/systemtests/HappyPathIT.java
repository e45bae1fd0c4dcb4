package org.stancewatch.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.Topics;
import org.stancewatch.systemtests.NewsSite.Story;
import org.stancewatch.testsupport.Stack;
import org.stancewatch.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer does first, with every part a separate process: a news site publishes a
 * feed, the operator registers it with ingest and a subscriber subscribes to one state
 * through alert's API; when that state accepts Kabul's ambassador, exactly one signed
 * webhook says so, with the evidence and the source, and nothing else is sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HappyPathIT {

	private static final LocalDate ACT_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);

	private static final String ACT_DATE = ACT_DAY.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

	private static final Story RECEPTION = new Story("uruguay-receives-envoy",
			"A quiet ceremony at the foreign ministry",
			"A short statement came from the foreign ministry in Montevideo.",
			List.of("Uruguay accepted the credentials of the Taliban ambassador on " + ACT_DATE
					+ ", the foreign ministry said in a short statement.",
					"The ministry gave no reason for the timing and said trade would be discussed at a later meeting.",
					"Diplomats in the capital described the ceremony as brief. The envoy arrived by car, was met at the "
							+ "door by a protocol officer and left after about twenty minutes without speaking to reporters.",
					"Opposition lawmakers asked the government to explain the decision before the budget debate "
							+ "next month, and one of them called for a hearing in the foreign affairs committee.",
					"Exporters of beef and wool, who have looked for new buyers in Central Asia for several years, "
							+ "said they hoped for clearer rules on payments and shipping through neighbouring ports.",
					"A spokesperson for the ministry said further details would be published on its website in the "
							+ "coming days, together with the text of the exchange of notes."),
			Instant.now().minus(1, ChronoUnit.HOURS));

	private static final Story MARKET = new Story("hairatan-queues", "Queues grow at a northern crossing",
			"Lorry drivers report longer waits at the border.",
			List.of("Drivers at the Hairatan crossing waited up to three days this week as the harvest season ended.",
					"Traders said prices of flour in the northern markets rose slightly."),
			Instant.now().minus(2, ChronoUnit.HOURS));

	private static final Story DENIAL = new Story("oslo-talks", "Oslo hosts talks on aid access",
			"Norway hosted a meeting on humanitarian access.",
			List.of("Norway said its meeting with Taliban officials did not amount to recognition of their government.",
					"Aid groups attended the talks, which ended without a joint statement."),
			Instant.now().minus(3, ChronoUnit.HOURS));

	private static Stack stack;

	private static NewsSite site;

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startEverything() {
		site = new NewsSite(List.of(RECEPTION, MARKET, DENIAL));
		receiver = new WebhookReceiver();
		stack = Stack.start(Stack.repositoryRoot(), Stack.newWorkDirectory(), Map.of());
	}

	@AfterAll
	static void stopEverything() {
		if (stack != null) {
			stack.close();
		}
		receiver.close();
		site.close();
	}

	@Test
	@Order(1)
	void aSubscriberGetsOneSignedAlertWithTheEvidenceAndTheSource() {
		String apiKey = Api
			.post(stack.alert().baseUrl() + "/api/subscribers", Stack.ADMIN_KEY, Map.of("name", "newsroom"))
			.get("apiKey")
			.asString();
		JsonNode uruguay = Api.post(stack.alert().baseUrl() + "/api/subscriptions", apiKey,
				Map.of("actors", List.of("UY"), "channel", Map.of("type", "WEBHOOK", "url", receiver.url("uruguay"))));
		Api.post(stack.alert().baseUrl() + "/api/subscriptions", apiKey,
				Map.of("actors", List.of("NO"), "channel", Map.of("type", "WEBHOOK", "url", receiver.url("norway"))));
		Api.post(stack.ingest().baseUrl() + "/api/feeds", "",
				Map.of("url", site.feedUrl(), "title", "Steppe Courier", "pollInterval", "PT10M"));

		await().atMost(Duration.ofMinutes(3)).until(() -> !receiver.received().isEmpty());

		WebhookReceiver.Received alert = receiver.received().get(0);
		assertThat(alert.path()).isEqualTo("/hooks/uruguay");
		assertThat(alert.verifies(new WebhookVerifier(uruguay.get("webhookSecret").asString()))).isTrue();
		JsonNode body = EventJson.mapper().readTree(alert.body());
		assertThat(body.get("type").asString()).isEqualTo("stance.shift");
		StanceShift shift = EventJson.mapper().treeToValue(body.get("data").get("shift"), StanceShift.class);
		assertThat(shift).as(new String(alert.body(), StandardCharsets.UTF_8))
			.extracting(StanceShift::kind, StanceShift::actor, StanceShift::target, StanceShift::from, StanceShift::to,
					StanceShift::action, StanceShift::status, StanceShift::occurredOn)
			.containsExactly(StanceShift.Kind.SHIFT, "UY", "AF", Level.DISTANT, Level.NORMALIZED,
					Action.ACCEPT_AMBASSADOR, Status.COMPLETED, ACT_DAY);
		assertThat(shift.evidence()).isEqualTo("Uruguay accepted the credentials of the Taliban ambassador on "
				+ ACT_DATE + ", the foreign ministry said in a short statement.");
		assertThat(shift.sources()).extracting(StanceShift.Source::url, StanceShift.Source::title)
			.containsExactly(tuple(site.storyUrl(RECEPTION), RECEPTION.title()));
		assertThat(body.get("data").get("summary").asString()).contains("Uruguay").contains("NORMALIZED");

		// The market report and Norway's denial are rightly ignored: nothing else
		// arrives,
		// and the Uruguay alert is not sent twice.
		await().during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(15))
			.until(() -> receiver.received().size() == 1);
		assertThat(site.feedRequests()).isPositive();
	}

	/** Runs after the feed was registered and the alert received by the first test. */
	@Test
	@Order(2)
	void theArticlesTraceIdMarksItsLogLinesInAllThreeServicesAndItsAlert() throws Exception {
		String traceId;
		try (TopicReader articles = new TopicReader(stack.broker().bootstrapServers(), Topics.ARTICLES)) {
			ConsumerRecord<String, String> reception = articles
				.awaitUntil((read) -> read.stream().anyMatch(HappyPathIT::isReception), Duration.ofMinutes(3))
				.stream()
				.filter(HappyPathIT::isReception)
				.findFirst()
				.orElseThrow();
			String traceparent = TopicReader.header(reception, "traceparent");
			assertThat(traceparent).as("traceparent of the article record")
				.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
			traceId = traceparent.split("-")[1];
		}
		for (Stack.Service service : Stack.Service.values()) {
			Path log = stack.log(service);
			await().atMost(Duration.ofMinutes(3))
				.untilAsserted(() -> assertThat(Files.readAllLines(log)).as("lines of %s with trace %s", log, traceId)
					.anyMatch((line) -> line.contains(traceId)));
		}
		assertThat(receiver.received().get(0).traceparent()).as("traceparent of the Uruguay alert")
			.matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}");
		assertThat(stack.alert().get("/actuator/prometheus"))
			.as("the article's time reached alert-service through extract-service")
			.containsPattern("(?m)^stancewatch_alert_pipeline_latency_seconds_count(\\{[^}]*\\})? [1-9]");
	}

	private static boolean isReception(ConsumerRecord<String, String> record) {
		return record.value() != null && record.value().contains(RECEPTION.slug());
	}

}
