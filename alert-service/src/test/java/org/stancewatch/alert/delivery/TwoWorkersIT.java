package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stancewatch.alert.AlertApplication;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.testsupport.RealKafkaAndPostgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two service instances (two application contexts) sharing one database. */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TwoWorkersIT.ADMIN_KEY, "stancewatch.alert.allow-private-addresses=true",
				"stancewatch.alert.delivery.poll-interval=50ms", "stancewatch.alert.delivery.batch-size=3",
				"stancewatch.alert.delivery.concurrency=2" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class TwoWorkersIT {

	static final String ADMIN_KEY = "stancewatch.alert.admin-key=workers-admin-key";

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldNeverSendTheSameDeliveryTwiceWhenTwoWorkersShareTheDatabase() {
		try (WebhookReceiver receiver = new WebhookReceiver().delay(20);
				ConfigurableApplicationContext second = secondInstance()) {
			ApiClient api = new ApiClient(this.port);
			String key = api.newSubscriber("workers-admin-key", "busy desk");
			assertThat(api
				.post("/api/subscriptions", key,
						"{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}")
				.status()).isEqualTo(201);
			List<StanceShift> shifts = IntStream.range(0, 60)
				.mapToObj((i) -> ShiftFixtures.recognition((i % 2 == 0) ? "RU" : "CN"))
				.toList();

			this.transactions.executeWithoutResult((status) -> shifts.forEach(this.events::publishEvent));

			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 60);
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receiver.received().size() == 60);
			Set<String> webhookIds = receiver.received()
				.stream()
				.map((request) -> request.header("webhook-id"))
				.collect(Collectors.toSet());
			assertThat(webhookIds).hasSize(60);
			assertThat(this.jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'DELIVERED'")
				.query(Long.class)
				.single()).isEqualTo(60);
			assertThat(this.jdbc.sql("SELECT count(*) FROM delivery_attempt").query(Long.class).single()).isEqualTo(60);
			assertThat(this.jdbc.sql("SELECT count(DISTINCT worker) FROM delivery_attempt").query(Long.class).single())
				.as("both instances took part")
				.isEqualTo(2);
		}
	}

	private ConfigurableApplicationContext secondInstance() {
		// Command-line arguments, not builder properties: those are defaults that
		// application.yml overrides.
		return new SpringApplicationBuilder(AlertApplication.class).run("--server.port=0", "--" + ADMIN_KEY,
				"--stancewatch.alert.allow-private-addresses=true", "--stancewatch.alert.delivery.poll-interval=50ms",
				"--stancewatch.alert.delivery.batch-size=3", "--stancewatch.alert.delivery.concurrency=2",
				"--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--spring.kafka.bootstrap-servers="
						+ this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
	}

}
