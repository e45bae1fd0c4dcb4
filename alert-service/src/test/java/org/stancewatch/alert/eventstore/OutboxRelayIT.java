package org.stancewatch.alert.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.KafkaBrokerProcess;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay against a broker that goes away and comes back at the same address, a
 * row whose transaction commits after a later row's, runs interrupted after their claim,
 * and commits that wake it. Every row reaches the topic exactly once, in order.
 */
class OutboxRelayIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final TestInfrastructure.Database database = TestInfrastructure.newDatabase();

	private @Nullable KafkaBrokerProcess broker;

	private KafkaTemplate<String, String> kafka;

	private OutboxRelay relay;

	private JdbcTemplate jdbc;

	private TransactionTemplate transactions;

	private Outbox outbox;

	@BeforeEach
	void start() throws Exception {
		Flyway.configure()
			.dataSource(this.database.url(), this.database.username(), this.database.password())
			.load()
			.migrate();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.database.url(), this.database.username(),
				this.database.password());
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	private void relayTo(String bootstrapServers) throws Exception {
		relayTo(bootstrapServers, Duration.ofMillis(100));
	}

	/**
	 * A relay to the given broker, running every interval once started, and the outbox
	 * that wakes it; creates the stance topic there if missing.
	 */
	private void relayTo(String bootstrapServers, Duration interval) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			if (!admin.listTopics().names().get().contains(Topics.STANCE)) {
				admin
					.createTopics(List
						.of(new NewTopic(Topics.STANCE, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
					.all()
					.get();
			}
		}
		// Records expire in the producer (5 s) before the relay stops waiting (10 s): a
		// failed batch leaves nothing in flight to be sent behind the next one.
		this.kafka = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
								ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
								2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000),
						new StringSerializer(), new StringSerializer()));
		this.relay = new OutboxRelay(this.jdbc, this.transactions, this.kafka, new AlertProperties(Duration.ofDays(14),
				0.6, "", "AF", 1, interval, 500, Duration.ofSeconds(10), Duration.ofMinutes(1)));
		this.outbox = new Outbox(this.jdbc, this.relay);
	}

	@AfterEach
	void stop() {
		this.relay.stop();
		this.kafka.destroy();
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	void shouldPublishRowsWrittenWhileKafkaWasDownOnceItIsBack() throws Exception {
		this.broker = new KafkaBrokerProcess().start();
		relayTo(this.broker.bootstrapServers());
		add("QA", Level.DISTANT);
		this.relay.start();
		await().atMost(WAIT).until(() -> outboxSize() == 0);

		this.broker.stop();
		add("QA", Level.ENGAGED);
		add("QA", Level.NORMALIZED);
		this.relay.stop();
		// "did not acknowledge" the rows, or, once a run claimed them, "did not answer"
		// when asked whether that run got them in
		assertThatRuntimeException().isThrownBy(this.relay::relayOnce).withMessageContaining("Kafka did not");
		this.relay.start();
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(30))
			.alias("rows wait while Kafka is away")
			.until(() -> outboxSize() == 2);

		this.broker.start();

		await().atMost(WAIT).until(() -> outboxSize() == 0);
		try (TopicReader reader = new TopicReader(this.broker.bootstrapServers(), Topics.STANCE)) {
			List<ConsumerRecord<String, String>> records = reader.awaitAtLeast(3, WAIT);
			assertThat(records).extracting(ConsumerRecord::key).containsOnly("QA>AF");
			assertThat(records).extracting((record) -> EventJson.read(record.value(), DyadStance.class).level())
				.containsExactly(Level.DISTANT, Level.ENGAGED, Level.NORMALIZED);
			assertThat(records).allSatisfy((record) -> {
				assertThat(TopicReader.header(record, CloudEvent.TYPE)).isEqualTo(EventType.DYAD_STANCE.ceType());
				assertThat(TopicReader.header(record, CloudEvent.SUBJECT)).isEqualTo("QA>AF");
				assertThat(TopicReader.header(record, CloudEvent.ID)).isNotBlank();
			});
		}
	}

	@Test
	void shouldPublishARowWhoseTransactionCommitsAfterALaterRow() throws Exception {
		relayTo(TestInfrastructure.kafkaBootstrapServers());
		try (Connection slow = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password())) {
			slow.setAutoCommit(false);
			try (PreparedStatement insert = slow.prepareStatement(
					"INSERT INTO outbox (topic, message_key, headers, payload) VALUES (?, 'QB>AF', '{}', ?)")) {
				insert.setString(1, Topics.STANCE);
				insert.setString(2, EventJson.writeString(stance(Level.HOSTILE)));
				insert.executeUpdate();
			}
			add("QB", Level.DISTANT);

			assertThat(this.relay.relayOnce()).as("only the committed row is visible").isOne();
			assertThat(outboxSize()).isZero();
			slow.commit();
		}
		assertThat(outboxSize()).isOne();
		assertThat(this.relay.relayOnce()).as("the earlier id, committed later, is not skipped").isOne();

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.STANCE)) {
			assertThat(reader.awaitUntil((read) -> read.stream().filter((r) -> "QB>AF".equals(r.key())).count() >= 2,
					WAIT))
				.filteredOn((record) -> "QB>AF".equals(record.key()))
				.extracting((record) -> EventJson.read(record.value(), DyadStance.class).level())
				.containsExactly(Level.DISTANT, Level.HOSTILE);
		}
	}

	@Test
	void shouldNotSendAgainWhatARunInterruptedBeforeItsDeleteGotIntoKafka() throws Exception {
		relayTo(TestInfrastructure.kafkaBootstrapServers());
		add("QC", Level.DISTANT);
		add("QC", Level.ENGAGED);
		this.jdbc.execute("CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS "
				+ "$$ BEGIN RAISE EXCEPTION 'database lost before the delete'; END $$");
		this.jdbc.execute("CREATE TRIGGER lost_before_delete BEFORE DELETE ON outbox "
				+ "FOR EACH ROW EXECUTE FUNCTION refuse_delete()");
		assertThatRuntimeException().isThrownBy(this.relay::relayOnce)
			.withStackTraceContaining("database lost before the delete");
		this.jdbc.execute("DROP TRIGGER lost_before_delete ON outbox");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE claimed_at IS NOT NULL", Integer.class))
			.as("sent, claimed and still in the outbox")
			.isEqualTo(2);
		add("QC", Level.NORMALIZED);

		assertThat(this.relay.relayOnce()).isEqualTo(3);

		assertThat(outboxSize()).isZero();
		List<ConsumerRecord<String, String>> records = recordsOf("QC>AF", 3);
		assertThat(records).extracting((record) -> EventJson.read(record.value(), DyadStance.class).level())
			.containsExactly(Level.DISTANT, Level.ENGAGED, Level.NORMALIZED);
		assertThat(records).extracting((record) -> TopicReader.header(record, CloudEvent.ID)).doesNotHaveDuplicates();
	}

	@Test
	void shouldSendAClaimedRowThatNoRunGotIntoKafkaInItsOrder() throws Exception {
		relayTo(TestInfrastructure.kafkaBootstrapServers());
		add("QD", Level.DISTANT);
		this.jdbc.update("UPDATE outbox SET claimed_at = now() - interval '5 seconds'");
		add("QD", Level.HOSTILE);

		assertThat(this.relay.relayOnce()).isEqualTo(2);

		assertThat(outboxSize()).isZero();
		assertThat(recordsOf("QD>AF", 2))
			.extracting((record) -> EventJson.read(record.value(), DyadStance.class).level())
			.containsExactly(Level.DISTANT, Level.HOSTILE);
	}

	/**
	 * The relay runs once an hour here, so a row that reaches Kafka at all was sent
	 * because the transaction that wrote it woke the relay when it committed.
	 */
	@Test
	void shouldPublishAsSoonAsTheRowCommitsWithoutWaitingForTheNextRun() throws Exception {
		relayTo(TestInfrastructure.kafkaBootstrapServers(), Duration.ofHours(1));
		this.relay.start();

		add("QE", Level.ENGAGED);

		await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize() == 0);
		assertThat(recordsOf("QE>AF", 1))
			.extracting((record) -> EventJson.read(record.value(), DyadStance.class).level())
			.containsExactly(Level.ENGAGED);
	}

	/**
	 * The records of one key on the shared broker's stance topic, once at least the
	 * expected number arrived and a few more seconds brought no repeat.
	 */
	private static List<ConsumerRecord<String, String>> recordsOf(String key, int expected) {
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.STANCE)) {
			reader.awaitUntil((read) -> read.stream().filter((r) -> key.equals(r.key())).count() >= expected, WAIT);
			return reader.readFor(Duration.ofSeconds(2)).stream().filter((r) -> key.equals(r.key())).toList();
		}
	}

	private void add(String actor, Level level) {
		this.transactions.executeWithoutResult((status) -> this.outbox.add(EventType.DYAD_STANCE, new Dyad(actor, "AF"),
				stance(level), Instant.now()));
	}

	private int outboxSize() {
		return this.jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class);
	}

	private static DyadStance stance(Level level) {
		return new DyadStance("QA", "AF", level, DyadStance.Designation.UNKNOWN, DyadStance.Recognition.NONE,
				DyadStance.Representation.NONE, DyadStance.Sanctions.UNKNOWN, 0, 1, LocalDate.of(2025, 7, 3),
				LocalDate.of(2025, 7, 4), Instant.parse("2025-07-04T12:00:00Z"));
	}

}
