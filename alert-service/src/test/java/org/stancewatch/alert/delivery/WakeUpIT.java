package org.stancewatch.alert.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.testsupport.RealKafkaAndPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker polls once an hour here, so an alert that arrives at all was sent because
 * the transaction that created its delivery woke the worker when it committed; one that
 * rolled back wakes nobody and sends nothing.
 */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stancewatch.alert.admin-key=wake-up-admin-key",
				"stancewatch.alert.allow-private-addresses=true", "stancewatch.alert.delivery.poll-interval=1h" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class WakeUpIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldSendAsSoonAsTheShiftCommitsWithoutWaitingForThePoll() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			ApiClient api = new ApiClient(this.port);
			String key = api.newSubscriber("wake-up-admin-key", "night desk");
			assertThat(api
				.post("/api/subscriptions", key,
						"{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}")
				.status()).isEqualTo(201);

			this.transactions.executeWithoutResult((status) -> {
				this.events.publishEvent(ShiftFixtures.recognition("RU"));
				status.setRollbackOnly();
			});
			this.transactions
				.executeWithoutResult((status) -> this.events.publishEvent(ShiftFixtures.embassyClosure("NO")));

			await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receiver.received().size() == 1);
			assertThat(receiver.received().get(0).bodyText()).contains("\"actor\":\"NO\"");
		}
	}

}
