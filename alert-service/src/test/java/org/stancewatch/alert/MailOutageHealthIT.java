package org.stancewatch.alert;

import org.junit.jupiter.api.Test;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.ServiceProcess;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP relay that refuses connections: e-mail alerts wait, but the pod stays live and
 * ready (Kubernetes would otherwise restart it, Compose hold back what depends on it),
 * and the operator still sees the mail component DOWN.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.mail.host=127.0.0.1")
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class MailOutageHealthIT {

	/** Free a moment ago, so nothing listens there: connections are refused. */
	static final int REFUSING_PORT = ServiceProcess.freePort();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.port", () -> REFUSING_PORT);
	}

	@LocalServerPort
	int port;

	@Test
	void shouldStayLiveAndReadyAndShowMailDownWhenTheSmtpServerRefusesConnections() {
		ApiClient api = new ApiClient(this.port);

		ApiClient.Response readiness = api.get("/actuator/health/readiness", null);
		ApiClient.Response liveness = api.get("/actuator/health/liveness", null);
		ApiClient.Response health = api.get("/actuator/health", null);
		ApiClient.Response mail = api.get("/actuator/health/mail", null);

		assertThat(readiness.status()).as("readiness: %s", readiness.body()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(liveness.status()).as("liveness: %s", liveness.body()).isEqualTo(200);
		assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.status()).as("health: %s", health.body()).isEqualTo(503);
		JsonNode components = health.json().get("components");
		assertThat(components.get("mail").get("status").asString()).isEqualTo("DOWN");
		assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
		assertThat(mail.status()).as("mail component: %s", mail.body()).isEqualTo(503);
		assertThat(mail.json().get("status").asString()).isEqualTo("DOWN");
	}

}
