package org.stancewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and
 * stopped at exit. Chosen in this order, never by skipping a test:
 * <ol>
 * <li>addresses given by environment: {@code STANCEWATCH_TEST_KAFKA} (bootstrap servers)
 * and {@code STANCEWATCH_TEST_DATABASE_URL} (a JDBC URL of a role that may create
 * databases, user and password as URL parameters or in
 * {@code STANCEWATCH_TEST_DATABASE_USER} and
 * {@code STANCEWATCH_TEST_DATABASE_PASSWORD});</li>
 * <li>where Docker runs, Testcontainers with the image tags of docker-compose.yml;</li>
 * <li>else spring-kafka-test's in-JVM KRaft broker and an embedded PostgreSQL server (the
 * real server binaries).</li>
 * </ol>
 * Brokers run with topic auto-creation off, as in production: the services create their
 * topics.
 */
public final class TestInfrastructure {

	/** Same tags as docker-compose.yml. */
	public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

	public static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private static final AtomicInteger databases = new AtomicInteger();

	private static @Nullable String kafkaBootstrapServers;

	private static @Nullable Database server;

	private static @Nullable Boolean docker;

	private TestInfrastructure() {
	}

	/** Bootstrap servers of the test broker, started on first call. */
	public static synchronized String kafkaBootstrapServers() {
		if (kafkaBootstrapServers == null) {
			kafkaBootstrapServers = startKafka();
		}
		return kafkaBootstrapServers;
	}

	/**
	 * A new, empty database on the test server, so that every test context starts clean.
	 */
	public static synchronized Database newDatabase() {
		if (server == null) {
			server = startPostgres();
		}
		String name = "stancewatch_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database on " + server.url(), ex);
		}
		return server.withDatabase(name);
	}

	private static String startKafka() {
		String given = System.getenv("STANCEWATCH_TEST_KAFKA");
		if (given != null && !given.isBlank()) {
			return given;
		}
		if (dockerAvailable()) {
			KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
			kafka.start();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
			return kafka.getBootstrapServers();
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("auto.create.topics.enable", "false");
		// One broker cannot hold the transaction log's default three replicas: without
		// these,
		// transactional producers wait a minute for a producer id and fail.
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		return broker.getBrokersAsString();
	}

	private static Database startPostgres() {
		String given = System.getenv("STANCEWATCH_TEST_DATABASE_URL");
		if (given != null && !given.isBlank()) {
			return new Database(given, envOrEmpty("STANCEWATCH_TEST_DATABASE_USER"),
					envOrEmpty("STANCEWATCH_TEST_DATABASE_PASSWORD"));
		}
		if (dockerAvailable()) {
			PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
			postgres.start();
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
			return new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		if (docker == null) {
			docker = !"false".equals(System.getenv("STANCEWATCH_TEST_DOCKER"))
					&& DockerClientFactory.instance().isDockerAvailable();
		}
		return docker;
	}

	private static String envOrEmpty(String name) {
		String value = System.getenv(name);
		return (value != null) ? value : "";
	}

	/**
	 * How to reach a database.
	 *
	 * @param url JDBC URL
	 * @param username role name; empty when given in the URL
	 * @param password the role's password; empty when given in the URL or not needed
	 */
	public record Database(String url, String username, String password) {

		Database withDatabase(String name) {
			int query = this.url.indexOf('?');
			String base = (query < 0) ? this.url : this.url.substring(0, query);
			String parameters = (query < 0) ? "" : this.url.substring(query);
			return new Database(base.substring(0, base.lastIndexOf('/') + 1) + name + parameters, this.username,
					this.password);
		}

	}

}
