package org.stancewatch.alert.eventstore;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * The whole alert service, from relation changes on Kafka to webhooks received over HTTP:
 * what a subscriber sees when outlets report acts.
 */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stancewatch.alert.admin-key=pipeline-admin", "stancewatch.alert.allow-private-addresses=true",
				"stancewatch.alert.delivery.poll-interval=100ms" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class AlertPipelineIT {

	@LocalServerPort
	int port;

	private ApiClient api;

	private String key;

	private final WebhookReceiver recognitionWatcher = new WebhookReceiver();

	/** Subscribed to another state, or not to backfill: must hear nothing. */
	private final WebhookReceiver bystander = new WebhookReceiver();

	private final WebhookReceiver historian = new WebhookReceiver();

	private RelationChangeSender kafka;

	@BeforeEach
	void subscribe() {
		this.api = new ApiClient(this.port);
		this.key = this.api.newSubscriber("pipeline-admin", "analyst");
		this.kafka = new RelationChangeSender(TestInfrastructure.kafkaBootstrapServers());
	}

	@AfterEach
	void close() {
		this.kafka.close();
		this.recognitionWatcher.close();
		this.bystander.close();
		this.historian.close();
	}

	@Test
	void shouldSendOneAlertListingTheIndependentSourcesWhenThreeOutletsRepeatTheStory() {
		subscribe(this.recognitionWatcher, "\"actors\":[\"BT\"],\"levels\":[\"RECOGNIZED\"],\"minSources\":2");
		subscribe(this.bystander, "\"actors\":[\"MN\"]");
		LocalDate yesterday = LocalDate.now().minusDays(1);

		this.kafka.send(report("BT", Action.RECOGNIZE_GOVERNMENT).on(yesterday)
			.article("bt-first", "first.example")
			.evidence("Thimphu formally recognised the Taliban government on Sunday.")
			.build());
		this.kafka.send(report("BT", Action.RECOGNIZE_GOVERNMENT).on(yesterday)
			.copyOf("bt-first", "bt-syndicated", "syndicate.example")
			.build());
		this.kafka.send(
				report("BT", Action.RECOGNIZE_GOVERNMENT).on(yesterday).article("bt-second", "second.example").build());

		await().atMost(Duration.ofSeconds(60)).until(() -> !this.recognitionWatcher.received().isEmpty());
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.recognitionWatcher.received().size() == 1);
		JsonNode alert = EventJson.mapper().readTree(this.recognitionWatcher.received().get(0).bodyText());
		assertThat(alert.toString()).contains("BT").contains("RECOGNIZED").contains("RECOGNIZE_GOVERNMENT");
		List<String> sites = alert.findValues("site").stream().map(JsonNode::asString).toList();
		assertThat(sites).as("independent sources, without the syndicated copy")
			.containsExactlyInAnyOrder("first.example", "second.example");
		assertThat(this.bystander.received()).as("a subscription for another state").isEmpty();
	}

	@Test
	void shouldAlertOnlyBackfillSubscribersOfAnOldAct() {
		subscribe(this.bystander, "\"actors\":[\"MV\"]");
		subscribe(this.historian, "\"actors\":[\"MV\"],\"backfill\":true");

		this.kafka.send(report("MV", Action.DELIST_TERRORIST).on(LocalDate.now().minusMonths(8))
			.article("mv-old", "archive.example")
			.build());

		await().atMost(Duration.ofSeconds(60)).until(() -> !this.historian.received().isEmpty());
		assertThat(this.historian.received().get(0).bodyText()).contains("MV").contains("ENGAGED");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.bystander.received().isEmpty());
		assertThat(this.api.get("/api/stances/MV", null).body()).contains("DELIST_TERRORIST");
	}

	@Test
	void shouldAlertNobodyForABackgroundMentionOfAnOldAct() {
		subscribe(this.bystander, "\"actors\":[\"NP\"]");
		this.kafka.send(report("NP", Action.OPEN_EMBASSY).on(LocalDate.now().minusYears(3))
			.background()
			.article("np-background", "context.example")
			.build());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get("/api/stances/NP", null).body().contains("OPEN_EMBASSY"));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.bystander.received().isEmpty());
	}

	private void subscribe(WebhookReceiver receiver, String filter) {
		ApiClient.Response created = this.api.post("/api/subscriptions", this.key,
				"{" + filter + ",\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

}
