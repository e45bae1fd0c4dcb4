package org.stancewatch.alert.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

import org.stancewatch.alert.AlertApplication;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * Records that arrive while the database refuses connections wait in Kafka: none is
 * dead-lettered or dropped, and each is folded once when the database is back.
 */
class DatabaseOutageIT {

	private static final Duration WAIT = Duration.ofSeconds(90);

	/**
	 * A target no other test subscribes to: these records stay on the shared topic, where
	 * later tests' new consumer groups fold them too.
	 */
	private static final String TARGET = "BD";

	private final TestInfrastructure.Database database = TestInfrastructure.newDatabase();

	@Test
	void shouldFoldWhatArrivedDuringAnOutageOnceTheDatabaseIsBack() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (ConfigurableApplicationContext service = start();
				RelationChangeSender sender = new RelationChangeSender(TestInfrastructure.kafkaBootstrapServers())) {
			MeterRegistry meters = service.getBean(MeterRegistry.class);
			JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
			sender.send(report("MN", Action.ACCEPT_DIPLOMATS).target(TARGET)
				.on(today.minusDays(2))
				.article("mn-1", "steppe.example")
				.build());
			// caught up with what earlier tests left on the topic: the count stops moving
			AtomicReference<Double> last = new AtomicReference<>(-1.0);
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
				double now = meters.counter("stancewatch.alert.events.consumed").count();
				return now == last.getAndSet(now) && stances(jdbc, "MN>BD") == 1;
			});
			double consumed = meters.counter("stancewatch.alert.events.consumed").count();

			refuseConnections(true);
			try {
				sender.send(report("MN", Action.APPOINT_AMBASSADOR).target(TARGET)
					.on(today.minusDays(1))
					.article("mn-2", "steppe.example")
					.build());
				sender.send(report("KH", Action.DELIST_TERRORIST).target(TARGET)
					.on(today)
					.article("kh-1", "mekong.example")
					.build());
				sender.send(report("KH", Action.DELIST_TERRORIST).target(TARGET)
					.on(today)
					.article("kh-1", "mekong.example")
					.build());
				await().during(Duration.ofSeconds(5))
					.atMost(Duration.ofSeconds(10))
					.until(() -> meters.counter("stancewatch.alert.events.consumed").count() == consumed);
			}
			finally {
				refuseConnections(false);
			}

			// The test's own pool may still be waiting out a connection refused during
			// the
			// outage: only the service's recovery is under test.
			await().atMost(WAIT)
				.ignoreExceptionsInstanceOf(CannotGetJdbcConnectionException.class)
				.until(() -> stances(jdbc, "KH>BD") == 1 && level(jdbc, "MN>BD").equals("NORMALIZED"));
			assertThat(jdbc.queryForObject(
					"SELECT count(*) FROM relation_change_event WHERE dyad IN ('MN>BD', 'KH>BD')", Integer.class))
				.as("each record folded once")
				.isEqualTo(3);
			try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
					Topics.deadLetter(Topics.RELATION_CHANGES))) {
				assertThat(reader.readFor(Duration.ofSeconds(2)))
					.noneMatch((record) -> "MN>BD".equals(record.key()) || "KH>BD".equals(record.key()));
			}
		}
	}

	/**
	 * Closes the service's database to new connections and ends its open ones, or opens
	 * it again: the server stays up, as when a database is restarted or failed over.
	 */
	private void refuseConnections(boolean refuse) throws SQLException {
		String url = this.database.url();
		String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		String maintenance = url.replace("/" + name, "/postgres");
		try (Connection connection = DriverManager.getConnection(maintenance, this.database.username(),
				this.database.password()); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !refuse);
			if (refuse) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
						+ "' AND pid <> pg_backend_pid()");
			}
		}
	}

	private static int stances(JdbcTemplate jdbc, String dyad) {
		Integer count = jdbc.queryForObject("SELECT count(*) FROM dyad_stance WHERE dyad = ?", Integer.class, dyad);
		return (count != null) ? count : 0;
	}

	private static String level(JdbcTemplate jdbc, String dyad) {
		return jdbc.queryForList("SELECT level FROM dyad_stance WHERE dyad = ?", String.class, dyad)
			.stream()
			.findFirst()
			.orElse("");
	}

	private ConfigurableApplicationContext start() {
		Map<String, String> properties = Map.of("spring.kafka.bootstrap-servers",
				TestInfrastructure.kafkaBootstrapServers(), "spring.datasource.url", this.database.url(),
				"spring.datasource.username", this.database.username(), "spring.datasource.password",
				this.database.password(), "spring.kafka.consumer.group-id", "alert-outage-" + UUID.randomUUID(),
				"server.port", "0", "spring.datasource.hikari.connection-timeout", "1000",
				"stancewatch.alert.relay-interval", "100ms");
		// As command-line arguments: they outrank application.yml, as a deployment's
		// would.
		return new SpringApplicationBuilder(AlertApplication.class).run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

}
