package org.stancewatch.alert.eventstore;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
 * A consumer that dies after its database commit and before its offset commit: the next
 * one re-reads the record and must not repeat its effect.
 */
class RedeliveryAfterCrashIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final TestInfrastructure.Database database = TestInfrastructure.newDatabase();

	private final String group = "alert-redelivery-" + UUID.randomUUID();

	@Test
	void shouldNotRepeatAShiftWhenTheOffsetWasNeverCommitted() throws Exception {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		// First instance: processes and commits to PostgreSQL, but never commits an
		// offset
		// (manual acks that never come), as if killed right after each transaction.
		startGroupAtEndOfTopic(bootstrap);
		RecordMetadata sent;
		try (ConfigurableApplicationContext first = start("manual");
				RelationChangeSender sender = new RelationChangeSender(bootstrap)) {
			sent = sender.send(report("TM", Action.ACCEPT_DIPLOMATS).on(LocalDate.now(ZoneOffset.UTC))
				.article("tm-1", "wire.example")
				.build());
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			await().atMost(WAIT)
				.until(() -> jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class) == 0 && jdbc
					.queryForObject("SELECT count(*) FROM stance_shift WHERE dyad = 'TM>AF'", Integer.class) == 1);
		}
		OffsetAndMetadata committed = committedOffsets(bootstrap)
			.get(new TopicPartition(Topics.RELATION_CHANGES, sent.partition()));
		assertThat((committed != null) ? committed.offset() : 0).as("the record's offset was never committed")
			.isLessThanOrEqualTo(sent.offset());

		try (ConfigurableApplicationContext second = start("batch")) {
			await().atMost(WAIT).until(() -> caughtUp(bootstrap));
			MeterRegistry meters = second.getBean(MeterRegistry.class);
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

			assertThat(meters.counter("stancewatch.alert.events.duplicates").count())
				.as("the record was delivered again")
				.isGreaterThanOrEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM relation_change_event WHERE dyad = 'TM>AF'",
					Integer.class))
				.isOne();
			try (TopicReader reader = new TopicReader(bootstrap, Topics.STANCE_SHIFTS)) {
				assertThat(reader.readFor(Duration.ofSeconds(3))).filteredOn((record) -> "TM>AF".equals(record.key()))
					.hasSize(1);
			}
		}
	}

	private ConfigurableApplicationContext start(String ackMode) {
		Map<String, String> properties = Map.of("spring.kafka.bootstrap-servers",
				TestInfrastructure.kafkaBootstrapServers(), "spring.datasource.url", this.database.url(),
				"spring.datasource.username", this.database.username(), "spring.datasource.password",
				this.database.password(), "spring.kafka.consumer.group-id", this.group,
				"spring.kafka.listener.ack-mode", ackMode, "server.port", "0", "stancewatch.alert.relay-interval",
				"100ms");
		// As command-line arguments: they outrank application.yml, as a deployment's
		// would.
		return new SpringApplicationBuilder(AlertApplication.class).run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	/**
	 * The group skips the records earlier tests left on the shared topic: an invalid one
	 * among them would be dead-lettered, and the error handler then commits the offsets
	 * of the records the batch processed before it, as it should, which is not the crash
	 * this test plays.
	 */
	private void startGroupAtEndOfTopic(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			if (!admin.listTopics().names().get().contains(Topics.RELATION_CHANGES)) {
				return;
			}
			Map<TopicPartition, Long> ends = endOffsets(admin);
			admin
				.alterConsumerGroupOffsets(this.group,
						ends.entrySet()
							.stream()
							.collect(Collectors.toMap(Map.Entry::getKey,
									(end) -> new OffsetAndMetadata(end.getValue()))))
				.all()
				.get();
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			return admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata().get();
		}
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.RELATION_CHANGES))
			.allTopicNames()
			.get()
			.get(Topics.RELATION_CHANGES)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(Topics.RELATION_CHANGES, info.partition()))
			.toList();
		return admin.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

	/** Whether the group committed offsets up to the end of every partition. */
	private boolean caughtUp(String bootstrap) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(bootstrap);
		Map<TopicPartition, Long> ends;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			ends = endOffsets(admin);
		}
		return ends.entrySet()
			.stream()
			.allMatch((end) -> end.getValue() == 0
					|| (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
	}

}
