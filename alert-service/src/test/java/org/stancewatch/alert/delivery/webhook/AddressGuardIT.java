package org.stancewatch.alert.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.alert.subscription.BlockedAddresses;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connect-time guard with private addresses refused (same context as
 * SubscriptionApiIT). The machine's own host name passes the check made when the URL is
 * saved, since it is a name, but resolves to loopback, so only the connect-time guard can
 * stop it.
 */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"stancewatch.alert.admin-key=guard-admin-key", "stancewatch.alert.allow-private-addresses=false",
		"stancewatch.alert.delivery.disable-after=1s",
		"stancewatch.alert.delivery.retry-schedule=200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms",
		"stancewatch.alert.delivery.jitter=0", "stancewatch.alert.delivery.poll-interval=100ms" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class AddressGuardIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	final WebhookReceiver receiver = new WebhookReceiver();

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void shouldRefuseAtConnectTimeANameThatResolvesToLoopbackAndDisableTheSubscriptionAfterFailingLongEnough()
			throws UnknownHostException {
		String host = InetAddress.getLocalHost().getHostName();
		assertThat(InetAddress.getAllByName(host)).as("this test needs the host name to resolve to a private address")
			.allMatch(BlockedAddresses::isBlocked);
		ApiClient api = new ApiClient(this.port);
		String key = api.newSubscriber("guard-admin-key", "guarded");
		ApiClient.Response created = api.post("/api/subscriptions", key, "{\"channel\":{\"type\":\"WEBHOOK\","
				+ "\"url\":\"http://" + host + ":" + this.receiver.port() + "/hook\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/api/subscriptions/" + created.json().get("id").asString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(ShiftFixtures.recognition("RU")));

		await().atMost(Duration.ofSeconds(15))
			.until(() -> "DISABLED".equals(api.get(path, key).json().get("status").asString()));
		JsonNode subscription = api.get(path, key).json();
		assertThat(subscription.get("disabledReason").asString()).contains("every delivery has failed since")
			.contains("refused to connect to " + host);
		JsonNode delivery = api.get(path + "/deliveries", key).json().get(0);
		assertThat(delivery.get("attempts").get(0).get("error").asString()).contains("loopback, private or link-local");
		assertThat(this.receiver.received()).isEmpty();
	}

}
