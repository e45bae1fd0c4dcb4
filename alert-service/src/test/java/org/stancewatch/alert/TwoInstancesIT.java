package org.stancewatch.alert;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * Two alert-service instances sharing the consumer group and the database, fed a stream
 * of changes that shifts many stances: each subscriber hears of each shift exactly once,
 * whichever instance folded it and whichever sent it.
 */
class TwoInstancesIT {

	private static final String ADMIN_KEY = "two-instances-admin";

	/**
	 * A target no other test writes about, so that the records other tests left on the
	 * shared topic (which this new group reads too) match none of these subscriptions.
	 */
	private static final String TARGET = "IR";

	private static final List<String> ACTORS = List.of("RU", "CN", "PK", "UZ", "TM", "KZ", "QA", "AE", "TR", "IN", "ID",
			"MY", "SA", "BY", "KG", "AZ");

	private static final Duration WAIT = Duration.ofSeconds(90);

	private final TestInfrastructure.Database database = TestInfrastructure.newDatabase();

	private final String group = "alert-two-instances-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final List<WebhookReceiver> receivers = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.receivers.forEach(WebhookReceiver::close);
	}

	@Test
	void shouldSendEveryAlertExactlyOnceWhenTwoInstancesShareTheWork() {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		await().atMost(WAIT).until(() -> hasPartitions(first) && hasPartitions(second));

		ApiClient api = new ApiClient(port(first));
		String key = api.newSubscriber(ADMIN_KEY, "two desks");
		WebhookReceiver everyShift = subscribe(api, key, "{}");
		WebhookReceiver recognitions = subscribe(api, key, "{\"levels\":[\"RECOGNIZED\"]}");
		WebhookReceiver shiftsAndSignals = subscribe(api, key, "{\"includeSignals\":true}");

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			for (RelationChange change : stream()) {
				send(producer, change);
			}
			// Kafka delivering a record twice: one effect
			send(producer, recognition("UZ", "second-outlet").build());
			producer.flush();
		}

		int shifts = ACTORS.size() * 3;
		int signals = ACTORS.size();
		assertReceivedOnceEach(everyShift, shifts);
		assertReceivedOnceEach(recognitions, ACTORS.size());
		assertReceivedOnceEach(shiftsAndSignals, shifts + signals);

		JdbcClient jdbc = first.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'DELIVERED'").query(Long.class).single())
			.isEqualTo(2L * shifts + signals + ACTORS.size());
		assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempt").query(Long.class).single())
			.as("no delivery was attempted twice")
			.isEqualTo(2L * shifts + signals + ACTORS.size());
		assertThat(consumed(first)).as("the first instance folded part of the stream").isPositive();
		assertThat(consumed(second)).as("the second instance folded part of the stream").isPositive();
	}

	/**
	 * Per state: a warming step each day (three shifts), an announced upgrade (a signal),
	 * and the recognition reported again by a second outlet and a syndicated copy (one
	 * shift, more sources).
	 */
	private static List<RelationChange> stream() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<RelationChange> changes = new ArrayList<>();
		for (String actor : ACTORS) {
			changes.add(report(actor, Action.ACCEPT_DIPLOMATS).target(TARGET)
				.on(today.minusDays(6))
				.article(actor + "-envoys", "first.example")
				.build());
			changes.add(report(actor, Action.APPOINT_AMBASSADOR).target(TARGET)
				.on(today.minusDays(4))
				.article(actor + "-ambassador", "first.example")
				.build());
			changes.add(recognition(actor, "first").build());
			changes.add(report(actor, Action.UPGRADE_MISSION).target(TARGET)
				.intended()
				.on(today)
				.article(actor + "-plans", "second.example")
				.build());
			changes.add(recognition(actor, "second-outlet").build());
			changes.add(recognition(actor, "copy").copyOf(actor + "-recognition-first", actor + "-copy", "copy.example")
				.build());
		}
		return changes;
	}

	private static RelationChangeFixtures.Builder recognition(String actor, String outlet) {
		return report(actor, Action.RECOGNIZE_GOVERNMENT).target(TARGET)
			.on(LocalDate.now(ZoneOffset.UTC).minusDays(1))
			.article(actor + "-recognition-" + outlet, outlet + ".example");
	}

	private void assertReceivedOnceEach(WebhookReceiver receiver, int expected) {
		await().atMost(WAIT).until(() -> receiver.received().size() >= expected);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> receiver.received().size() == expected);
		List<WebhookReceiver.Received> received = receiver.received();
		Set<String> webhookIds = received.stream()
			.map((request) -> request.header("webhook-id"))
			.collect(Collectors.toSet());
		Set<String> shiftIds = received.stream()
			.map((request) -> EventJson.read(request.bodyText(), JsonNode.class)
				.path("data")
				.path("shift")
				.path("shiftId")
				.asString())
			.collect(Collectors.toSet());
		assertThat(webhookIds).as("distinct webhook ids").hasSize(expected);
		assertThat(shiftIds).as("distinct shifts").hasSize(expected);
	}

	private WebhookReceiver subscribe(ApiClient api, String key, String filter) {
		WebhookReceiver receiver = new WebhookReceiver();
		this.receivers.add(receiver);
		String body = filter.substring(0, filter.length() - 1) + (filter.equals("{}") ? "" : ",") + "\"target\":\""
				+ TARGET + "\",\"actors\":" + ACTORS.stream().map((a) -> "\"" + a + "\"").toList()
				+ ",\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}";
		ApiClient.Response created = api.post("/api/subscriptions", key, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return receiver;
	}

	private static void send(KafkaProducer<String, String> producer, RelationChange change) {
		String dyad = change.dyad().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RELATION_CHANGES, dyad,
				EventJson.writeString(change));
		CloudEvent
			.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service", java.time.Instant.now(),
					dyad)
			.toHeaders()
			.forEach((name, value) -> record.headers()
				.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		producer.send(record);
	}

	private ConfigurableApplicationContext start() {
		Map<String, String> properties = Map.of("spring.kafka.bootstrap-servers",
				TestInfrastructure.kafkaBootstrapServers(), "spring.datasource.url", this.database.url(),
				"spring.datasource.username", this.database.username(), "spring.datasource.password",
				this.database.password(), "spring.kafka.consumer.group-id", this.group, "server.port", "0",
				"stancewatch.alert.admin-key", ADMIN_KEY, "stancewatch.alert.allow-private-addresses", "true",
				"stancewatch.alert.relay-interval", "100ms");
		// As command-line arguments: they outrank application.yml, as a deployment's
		// would. The delivery worker keeps its default poll interval.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertApplication.class)
			.run(properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
		this.instances.add(context);
		return context;
	}

	private static boolean hasPartitions(ConfigurableApplicationContext instance) {
		MessageListenerContainer container = instance.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("alert-relation-changes");
		return container != null && container.getAssignedPartitions() != null
				&& !container.getAssignedPartitions().isEmpty();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static double consumed(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("stancewatch.alert.events.consumed").count();
	}

}
