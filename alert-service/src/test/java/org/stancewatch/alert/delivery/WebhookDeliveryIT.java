package org.stancewatch.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.alert.WebhookReceiver;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"stancewatch.alert.admin-key=test-admin-key", "stancewatch.alert.allow-private-addresses=true",
		"stancewatch.alert.public-url=https://stancewatch.example.org", "stancewatch.alert.delivery.webhook-timeout=1s",
		"stancewatch.alert.delivery.retry-schedule=300ms,300ms,300ms,300ms", "stancewatch.alert.delivery.jitter=0",
		"stancewatch.alert.delivery.poll-interval=100ms", "stancewatch.alert.delivery.lease=10s" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class WebhookDeliveryIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	String key;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.key = this.api.newSubscriber("test-admin-key", "newsroom");
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM subscription").update();
		this.receiver.close();
	}

	@Test
	void shouldDeliverOnceThroughA500AndATimeoutWithTheSameWebhookIdAndAVerifiableSignature() {
		this.receiver.answer(500, WebhookReceiver.HANG).thenAnswer(200);
		double deliveredBefore = counted("delivered");
		long attemptsBefore = attempts();
		JsonNode subscription = subscribe(
				"{\"actors\":[\"RU\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}");
		String secret = subscription.get("webhookSecret").asString();
		StanceShift shift = ShiftFixtures.recognition("RU");

		publish(shift);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.receiver.received().size() >= 3);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.receiver.received().size() == 3);
		List<WebhookReceiver.Received> received = this.receiver.received();
		assertThat(received).extracting(WebhookReceiver.Received::answered)
			.containsExactly(500, WebhookReceiver.HANG, 200);
		String webhookId = received.get(0).header("webhook-id");
		assertThat(received).allSatisfy((request) -> {
			assertThat(request.header("webhook-id")).isEqualTo(webhookId);
			assertThat(verify(secret, request.headers(), request.body(), nowSeconds())).isTrue();
		});
		WebhookReceiver.Received delivered = received.get(2);
		assertThat(delivered.bodyText()).contains("\"type\":\"stance.shift\"")
			.contains("\"shiftId\":\"" + shift.shiftId() + "\"")
			.contains("https://stancewatch.example.org/api/stances/RU");
		byte[] tampered = delivered.bodyText().replace("RECOGNIZED", "HOSTILE").getBytes(StandardCharsets.UTF_8);
		assertThat(verify(secret, delivered.headers(), tampered, nowSeconds())).isFalse();
		long sentAt = Long.parseLong(delivered.header("webhook-timestamp"));
		assertThat(verify(secret, delivered.headers(), delivered.body(), sentAt + 301)).isFalse();

		JsonNode deliveries = this.api
			.get("/api/subscriptions/" + subscription.get("id").asString() + "/deliveries", this.key)
			.json();
		assertThat(deliveries).hasSize(1);
		JsonNode delivery = deliveries.get(0);
		assertThat(delivery.get("id").asString()).isEqualTo(webhookId);
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
		assertThat(delivery.get("attempts").valueStream().map((a) -> a.get("outcome").asString()))
			.containsExactly("FAILED", "FAILED", "DELIVERED");
		assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(500);
		assertThat(delivery.get("attempts").get(1).get("error").asString()).contains("no answer within 1000 ms");
		assertThat(counted("delivered") - deliveredBefore).isEqualTo(1);
		assertThat(attempts() - attemptsBefore).isEqualTo(3);
	}

	@Test
	void shouldCreateOneDeliveryPerMatchingSubscriptionWhenTheSameShiftIsPublishedTwice() {
		WebhookReceiver other = new WebhookReceiver();
		try {
			subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}");
			subscribe(
					"{\"actors\":[\"RU\",\"CN\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + other.url() + "\"}}");
			subscribe("{\"actors\":[\"CN\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + other.url() + "\"}}");
			StanceShift shift = ShiftFixtures.recognition("RU");

			publish(shift);
			publish(shift);

			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.receiver.received().size() == 1 && other.received().size() == 1);
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> this.receiver.received().size() == 1 && other.received().size() == 1);
			assertThat(this.jdbc.sql("SELECT count(*) FROM delivery WHERE shift_id = ?")
				.param(shift.shiftId())
				.query(Long.class)
				.single()).isEqualTo(2);
		}
		finally {
			other.close();
		}
	}

	@Test
	void shouldFollowARedirectWithTheSameSignedRequest() {
		WebhookReceiver moved = new WebhookReceiver();
		try {
			this.receiver.redirectTo(moved.url());
			String secret = subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}")
				.get("webhookSecret")
				.asString();

			publish(ShiftFixtures.recognition("RU"));

			await().atMost(Duration.ofSeconds(10)).until(() -> moved.received().size() == 1);
			WebhookReceiver.Received request = moved.received().get(0);
			assertThat(this.receiver.received()).singleElement()
				.satisfies((first) -> assertThat(first.header("webhook-id")).isEqualTo(request.header("webhook-id")));
			assertThat(verify(secret, request.headers(), request.body(), nowSeconds())).isTrue();
		}
		finally {
			moved.close();
		}
	}

	@Test
	void shouldCreateNoDeliveryWhenTheShiftTransactionRollsBack() {
		subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}");
		StanceShift shift = ShiftFixtures.recognition("RU");

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(shift);
			status.setRollbackOnly();
		});

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.receiver.received().isEmpty());
		assertThat(this.jdbc.sql("SELECT count(*) FROM delivery WHERE shift_id = ?")
			.param(shift.shiftId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldDisableTheSubscriptionWhenTheReceiverAnswers410() {
		this.receiver.thenAnswer(410);
		String id = subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}").get("id")
			.asString();

		publish(ShiftFixtures.recognition("RU"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DISABLED"
				.equals(this.api.get("/api/subscriptions/" + id, this.key).json().get("status").asString()));
		JsonNode subscription = this.api.get("/api/subscriptions/" + id, this.key).json();
		assertThat(subscription.get("disabledReason").asString()).contains("410");
		publish(ShiftFixtures.embassyClosure("NO"));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.receiver.received().size() == 1);
		assertThat(this.api.get("/api/subscriptions/" + id + "/deliveries", this.key)
			.json()
			.get(0)
			.get("status")
			.asString()).isEqualTo("FAILED");
	}

	@Test
	void shouldResendAFailedDeliveryOnRequest() {
		this.receiver.answer(503, 503, 503, 503, 503).thenAnswer(204);
		String id = subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}").get("id")
			.asString();
		publish(ShiftFixtures.recognition("RU"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "FAILED".equals(deliveries(id).get(0).get("status").asString()));
		String deliveryId = deliveries(id).get(0).get("id").asString();
		assertThat(deliveries(id).get(0).get("attemptCount").asInt()).isEqualTo(5);

		ApiClient.Response resend = this.api.post("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/resend",
				this.key, null);

		assertThat(resend.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DELIVERED".equals(deliveries(id).get(0).get("status").asString()));
		assertThat(this.receiver.received()).hasSize(6)
			.extracting((r) -> r.header("webhook-id"))
			.containsOnly(deliveryId);
		assertThat(this.api.post("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/resend", this.key, null)
			.status()).isEqualTo(409);
	}

	@Test
	void shouldSendATestMessageAtOnceAndShowItsOutcome() {
		String id = subscribe("{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + this.receiver.url() + "\"}}").get("id")
			.asString();

		ApiClient.Response test = this.api.post("/api/subscriptions/" + id + "/test", this.key, null);

		assertThat(test.status()).isEqualTo(200);
		assertThat(test.json().get("status").asString()).isEqualTo("DELIVERED");
		assertThat(test.json().get("kind").asString()).isEqualTo("TEST");
		assertThat(this.receiver.received()).singleElement()
			.satisfies((request) -> assertThat(request.bodyText()).contains("\"type\":\"stancewatch.test\""));
	}

	@Test
	void shouldPostSlackCompatibleTextToAChatWebhook() {
		subscribe("{\"channel\":{\"type\":\"CHAT\",\"url\":\"" + this.receiver.url() + "\"}}");

		publish(ShiftFixtures.recognition("RU"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.received().size() == 1);
		WebhookReceiver.Received message = this.receiver.received().get(0);
		assertThat(message.header("content-type")).startsWith("application/json");
		assertThat(message.header("webhook-signature")).isNull();
		JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(message.bodyText());
		assertThat(body.propertyNames()).containsExactly("text");
		assertThat(body.get("text").asString())
			.contains("Russia's stance toward the government of Afghanistan moved from NORMALIZED to RECOGNIZED")
			.contains("<https://news1.example.org/world/ru-kabul-1|Report 1 on RU and Kabul (news1.example.org)>")
			.contains("<https://stancewatch.example.org/api/stances/RU|Stance history>");
	}

	@Test
	void shouldServeTheAlertsAsAnAtomFeedToItsTokenOrItsOwner() {
		JsonNode subscription = subscribe("{\"name\":\"Kabul watch\",\"channel\":{\"type\":\"WEBHOOK\",\"url\":\""
				+ this.receiver.url() + "\"}}");
		String id = subscription.get("id").asString();
		String feedPath = subscription.get("feedUrl").asString().replace("https://stancewatch.example.org", "");
		publish(ShiftFixtures.recognition("RU"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.received().size() == 1);

		ApiClient.Response byToken = this.api.get(feedPath, null);
		ApiClient.Response byKey = this.api.get("/api/subscriptions/" + id + "/feed.atom", this.key);
		ApiClient.Response anonymous = this.api.get("/api/subscriptions/" + id + "/feed.atom", null);
		String strangerKey = this.api.newSubscriber("test-admin-key", "stranger");
		ApiClient.Response stranger = this.api.get("/api/subscriptions/" + id + "/feed.atom", strangerKey);
		ApiClient.Response forgedToken = this.api.get("/api/subscriptions/" + id + "/feed.atom?token=" + id + ".AAAA",
				null);

		assertThat(byToken.status()).isEqualTo(200);
		assertThat(byToken.contentType()).startsWith("application/atom+xml");
		assertThat(byToken.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.contains("<title>stancewatch: Kabul watch</title>")
			.contains("<title>Russia toward Afghanistan: NORMALIZED -&gt; RECOGNIZED</title>")
			.contains("https://news2.example.org/world/ru-kabul-2");
		assertThat(byKey.body()).isEqualTo(byToken.body());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(forgedToken.status()).isEqualTo(401);
	}

	private double counted(String outcome) {
		Counter counter = this.meters.find("stancewatch.alert.deliveries").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long attempts() {
		return this.meters.find("stancewatch.alert.delivery.attempts")
			.tag("channel", "webhook")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private JsonNode deliveries(String subscriptionId) {
		return this.api.get("/api/subscriptions/" + subscriptionId + "/deliveries", this.key).json();
	}

	private JsonNode subscribe(String json) {
		ApiClient.Response created = this.api.post("/api/subscriptions", this.key, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** As the stance fold does: inside its transaction. */
	private void publish(StanceShift shift) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(shift));
	}

	private static long nowSeconds() {
		return System.currentTimeMillis() / 1000;
	}

	/**
	 * Standard Webhooks verification written from the specification, independently of the
	 * signer: the signed content is {@code id.timestamp.body}, the key is the base64 part
	 * of the secret, signatures are space-separated {@code v1,<base64>}, and timestamps
	 * more than five minutes away are refused.
	 */
	static boolean verify(String secret, Map<String, String> headers, byte[] body, long nowSeconds) {
		String id = headers.get("webhook-id");
		String timestamp = headers.get("webhook-timestamp");
		String signatures = headers.get("webhook-signature");
		if (id == null || timestamp == null || signatures == null
				|| Math.abs(nowSeconds - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] content = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8);
			byte[] expected = Base64.getEncoder().encode(hmac.doFinal(content));
			for (String signature : signatures.split(" ")) {
				if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
						signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
					return true;
				}
			}
			return false;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
