package org.stancewatch.alert.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * A relation change as extract-service sends it, with its article's trace and storage
 * time in the headers, all the way to a subscriber's webhook: the receiver sees the
 * article's trace id, and the pipeline and delivery timers count it.
 */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@AutoConfigureTracing
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stancewatch.alert.admin-key=trace-admin", "stancewatch.alert.allow-private-addresses=true",
				"stancewatch.alert.delivery.poll-interval=100ms" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class ArticleTraceToWebhookIT {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	private final WebhookReceiver receiver = new WebhookReceiver();

	private RelationChangeSender kafka;

	@BeforeEach
	void setUp() {
		this.kafka = new RelationChangeSender(TestInfrastructure.kafkaBootstrapServers());
	}

	@AfterEach
	void close() {
		this.kafka.close();
		this.receiver.close();
	}

	@Test
	void shouldSendTheWebhookInTheArticlesTraceAndTimeThePipelineFromTheStoredArticle() {
		ApiClient api = new ApiClient(this.port);
		String key = api.newSubscriber("trace-admin", "tracer");
		ApiClient.Response subscribed = api.post("/api/subscriptions", key,
				"{\"actors\":[\"TV\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}");
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
		long foldedBefore = pipelineLatency().count();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String extractSpan = "b7ad6b7169203331";
		Instant storedAt = Instant.now().minusSeconds(3);
		RelationChange change = report("TV", Action.RECOGNIZE_GOVERNMENT).on(LocalDate.now().minusDays(1))
			.article("tv-traced", "funafuti.example")
			.build();

		this.kafka.sendRaw(change.dyad().toString(), EventJson.writeString(change),
				headers(change, "00-" + traceId + "-" + extractSpan + "-01", storedAt));

		await().atMost(Duration.ofSeconds(60)).until(() -> !this.receiver.received().isEmpty());
		String traceparent = this.receiver.received().get(0).header("traceparent");
		assertThat(traceparent).as("the webhook's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01");
		assertThat(traceparent.split("-")[2]).as("a span of its own, a descendant of extract's")
			.isNotEqualTo(extractSpan);
		assertThat(this.jdbc.sql("SELECT traceparent FROM delivery WHERE shift::text LIKE '%tv-traced%'")
			.query(String.class)
			.single()).as("the trace stored with the delivery").startsWith("00-" + traceId + "-");

		assertThat(pipelineLatency().count() - foldedBefore).isEqualTo(1);
		assertThat(pipelineLatency().max(java.util.concurrent.TimeUnit.MILLISECONDS))
			.as("at least the 3 s since the article was stored")
			.isGreaterThanOrEqualTo(3000);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.meters.find("stancewatch.alert.delivery.latency").tag("channel", "webhook").timer())
				.isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive()));
	}

	private Timer pipelineLatency() {
		return this.meters.get("stancewatch.alert.pipeline.latency").timer();
	}

	private static Map<String, String> headers(RelationChange change, String traceparent, Instant storedAt) {
		Map<String, String> headers = new LinkedHashMap<>(CloudEvent
			.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service", Instant.now(),
					change.dyad().toString())
			.toHeaders());
		headers.put("traceparent", traceparent);
		headers.put("stancewatch-article-time", storedAt.toString());
		return headers;
	}

}
