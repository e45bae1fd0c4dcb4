package org.stancewatch.alert.subscription;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The API with private addresses refused, as in production. */
// Closed after the class: a cached context would keep folding the shared test topics.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"stancewatch.alert.admin-key=guard-admin-key", "stancewatch.alert.allow-private-addresses=false",
		"stancewatch.alert.delivery.disable-after=1s",
		"stancewatch.alert.delivery.retry-schedule=200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms",
		"stancewatch.alert.delivery.jitter=0", "stancewatch.alert.delivery.poll-interval=100ms" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class SubscriptionApiIT {

	private static final String WEBHOOK = "{\"actors\":[\"RU\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":"
			+ "\"https://hooks.example.com/stancewatch\"}}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void shouldCreateSubscribersOnlyWithTheAdminKeyAndStoreOnlyAHashOfTheirKey() {
		ApiClient.Response anonymous = this.api.post("/api/subscribers", null, "{\"name\":\"desk\"}");
		ApiClient.Response wrongKey = this.api.post("/api/subscribers", "guess", "{\"name\":\"desk\"}");
		ApiClient.Response created = this.api.post("/api/subscribers", "guard-admin-key", "{\"name\":\"desk\"}");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(wrongKey.status()).isEqualTo(401);
		assertThat(created.status()).isEqualTo(201);
		String apiKey = created.json().get("apiKey").asString();
		assertThat(apiKey).startsWith("sw_").hasSizeGreaterThan(40);
		assertThat(this.jdbc.sql("SELECT count(*) FROM subscriber WHERE api_key_hash = sha256(convert_to(?, 'UTF8'))")
			.param(apiKey)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM subscriber WHERE api_key_hash = convert_to(?, 'UTF8')")
			.param(apiKey)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get("/api/subscriptions", apiKey).status()).isEqualTo(200);
		assertThat(this.api.get("/api/subscriptions", "sw_not-a-key").status()).isEqualTo(401);
		assertThat(this.api.get("/api/subscriptions", null).status()).isEqualTo(401);
	}

	@Test
	void shouldKeepEachSubscriberToItsOwnSubscriptionsAnsweringNotFoundForOthers() {
		String alice = this.api.newSubscriber("guard-admin-key", "alice");
		String bob = this.api.newSubscriber("guard-admin-key", "bob");
		String id = this.api.post("/api/subscriptions", alice, WEBHOOK).json().get("id").asString();
		String path = "/api/subscriptions/" + id;

		ApiClient.Response bobReads = this.api.get(path, bob);
		ApiClient.Response nobodys = this.api.get("/api/subscriptions/" + UUID.randomUUID(), bob);

		assertThat(this.api.get("/api/subscriptions", bob).json()).isEmpty();
		assertThat(bobReads.status()).isEqualTo(404);
		assertThat(bobReads.contentType()).startsWith("application/problem+json");
		assertThat(nobodys.status()).isEqualTo(404);
		assertThat(this.api.put(path, bob, WEBHOOK.replace("RU", "CN")).status()).isEqualTo(404);
		assertThat(this.api.delete(path, bob).status()).isEqualTo(404);
		assertThat(this.api.get(path + "/deliveries", bob).status()).isEqualTo(404);
		assertThat(this.api.post(path + "/test", bob, null).status()).isEqualTo(404);
		assertThat(this.api.post(path + "/deliveries/" + UUID.randomUUID() + "/resend", bob, null).status())
			.isEqualTo(404);
		JsonNode stillThere = this.api.get(path, alice).json();
		assertThat(stillThere.get("actors").get(0).asString()).isEqualTo("RU");
		assertThat(this.api.get("/api/subscriptions", alice).json()).hasSize(1);
	}

	@Test
	void shouldAnswerBadRequestsWithProblemDetailsNamingTheFields() {
		String key = this.api.newSubscriber("guard-admin-key", "careless");

		ApiClient.Response noChannel = this.api.post("/api/subscriptions", key, "{}");
		ApiClient.Response badFields = this.api.post("/api/subscriptions", key,
				"{\"actors\":[\"ru\"],\"minConfidence\":1.5,\"minSources\":0,\"channel\":{\"type\":\"EMAIL\","
						+ "\"email\":\"not an address\"}}");
		ApiClient.Response badEnum = this.api.post("/api/subscriptions", key,
				"{\"directions\":[\"SIDEWAYS\"],\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"https://h.example.com\"}}");
		ApiClient.Response badUrl = this.api.post("/api/subscriptions", key,
				"{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"ftp://files.example.com/x\"}}");
		ApiClient.Response privateUrl = this.api.post("/api/subscriptions", key,
				"{\"channel\":{\"type\":\"CHAT\",\"url\":\"http://169.254.169.254/latest/meta-data\"}}");
		ApiClient.Response noEmail = this.api.post("/api/subscriptions", key, "{\"channel\":{\"type\":\"EMAIL\"}}");
		ApiClient.Response notJson = this.api.post("/api/subscriptions", key, "{\"channel\":");
		ApiClient.Response badId = this.api.get("/api/subscriptions/not-a-uuid", key);

		assertThat(noChannel.status()).isEqualTo(400);
		assertThat(noChannel.contentType()).startsWith("application/problem+json");
		assertThat(fields(noChannel)).containsExactly("channel");
		assertThat(fields(badFields)).containsExactly("actors[]", "channel.email", "minConfidence", "minSources");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.contentType()).startsWith("application/problem+json");
		assertThat(badEnum.body()).contains("SIDEWAYS").contains("directions");
		assertThat(fields(badUrl)).containsExactly("channel.url");
		assertThat(privateUrl.json().get("errors").get(0).get("message").asString()).contains("private");
		assertThat(fields(noEmail)).containsExactly("channel.email");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/subscriptions", key).json()).isEmpty();
	}

	@Test
	void shouldShowTheWebhookSecretOnceAndLetTheOwnerUpdatePauseAndDelete() {
		String key = this.api.newSubscriber("guard-admin-key", "editor");
		JsonNode created = this.api.post("/api/subscriptions", key, WEBHOOK).json();
		String path = "/api/subscriptions/" + created.get("id").asString();

		assertThat(created.get("webhookSecret").asString()).startsWith("whsec_");
		assertThat(created.get("target").asString()).isEqualTo("AF");
		assertThat(this.api.get(path, key).json().has("webhookSecret")).isFalse();
		assertThat(this.api.get("/api/subscriptions", key).body()).doesNotContain("whsec_");

		JsonNode paused = this.api
			.put(path, key, "{\"actors\":[\"CN\",\"RU\"],\"includeSignals\":true,"
					+ "\"active\":false,\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example.com/v2\"}}")
			.json();
		assertThat(paused.get("status").asString()).isEqualTo("DISABLED");
		assertThat(paused.get("disabledReason").asString()).isEqualTo("disabled by the subscriber");
		assertThat(paused.get("actors").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("CN", "RU");
		assertThat(paused.get("includeSignals").asBoolean()).isTrue();
		assertThat(paused.get("channel").get("url").asString()).isEqualTo("https://hooks.example.com/v2");

		JsonNode resumed = this.api.put(path, key, WEBHOOK.replace("{\"actors\"", "{\"active\":true,\"actors\""))
			.json();
		assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(resumed.get("disabledReason").isNull()).isTrue();
		assertThat(this.api.put(path, key, "{\"channel\":{\"type\":\"EMAIL\",\"email\":\"a@example.com\"}}").status())
			.isEqualTo(400);

		assertThat(this.api.delete(path, key).status()).isEqualTo(204);
		assertThat(this.api.get(path, key).status()).isEqualTo(404);
	}

	@Test
	void shouldServeAnOpenApiDocumentOfTheApi() {
		ApiClient.Response document = this.api.get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		JsonNode paths = document.json().get("paths");
		assertThat(paths.propertyNames()).contains("/api/subscribers", "/api/subscriptions", "/api/subscriptions/{id}",
				"/api/subscriptions/{id}/test", "/api/subscriptions/{id}/deliveries",
				"/api/subscriptions/{id}/deliveries/{deliveryId}/resend", "/api/subscriptions/{id}/feed.atom",
				"/api/unsubscribe");
		assertThat(document.json().get("components").get("securitySchemes").get("apiKey").get("scheme").asString())
			.isEqualTo("bearer");
	}

	private static java.util.List<String> fields(ApiClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return response.json().get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

}
