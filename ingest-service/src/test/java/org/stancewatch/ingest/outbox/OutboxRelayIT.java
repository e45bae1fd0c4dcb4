package org.stancewatch.ingest.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventFixtures;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.ingest.IngestSettings;
import org.stancewatch.ingest.intake.ArticleStore;
import org.stancewatch.kafka.PublishedRecords;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The relay driven by hand (its loop is off) to show what it does in the cases that
 * matter: rows committed out of order, an attempt that got its batch into Kafka but died
 * before deleting it, and one that claimed its batch but died before sending it. Each
 * record reaches the topic exactly once.
 */
@SpringBootTest(properties = { "stancewatch.ingest.relay.enabled=false", "stancewatch.ingest.poll.enabled=false" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class OutboxRelayIT {

	@Autowired
	OutboxRelay relay;

	@Autowired
	ArticleStore articles;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	IngestSettings settings;

	@Test
	void shouldPublishEachStoredArticleOnceWithCloudEventsHeaders() {
		Article article = article("published-once");
		assertThat(this.articles.save(article)).isPresent();
		assertThat(this.articles.save(article)).as("the same article again").isEmpty();
		drain();

		ConsumerRecord<String, String> record = single(read(Duration.ofSeconds(3)), article.id());
		assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.stancewatch.article.v1");
		assertThat(TopicReader.header(record, "ce_id")).isEqualTo(article.id());
		assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/stancewatch/ingest-service");
		assertThat(TopicReader.header(record, PublishedRecords.OUTBOX_ID)).as("the outbox row id").matches("[0-9]+");
		assertThat(EventJson.read(record.value(), Article.class)).isEqualTo(article);
	}

	@Test
	void shouldNotSkipARowWhoseTransactionCommitsAfterALaterOne() throws Exception {
		Article early = article("early-id-late-commit");
		Article late = article("late-id-early-commit");
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			insertOutboxRow(slow, early);
			this.transactions.executeWithoutResult((status) -> this.articles.save(late));
			drain();
			slow.commit();
		}
		drain();
		List<ConsumerRecord<String, String>> records = read(Duration.ofSeconds(3));
		single(records, early.id());
		single(records, late.id());
	}

	@Test
	void shouldNotSendAgainWhatAnAttemptInterruptedBeforeItsDeleteGotIntoKafka() {
		Article article = article("interrupted-between-send-and-delete");
		this.articles.save(article);
		this.jdbc
			.sql("create function refuse_delete() returns trigger language plpgsql as "
					+ "$$ begin raise exception 'database lost before the delete'; end $$")
			.update();
		this.jdbc
			.sql("create trigger lost_before_delete before delete on outbox "
					+ "for each row execute function refuse_delete()")
			.update();
		try {
			assertThatRuntimeException().isThrownBy(this.relay::relayOnce)
				.withStackTraceContaining("database lost before the delete");
		}
		finally {
			this.jdbc.sql("drop trigger lost_before_delete on outbox").update();
			this.jdbc.sql("drop function refuse_delete()").update();
		}
		assertThat(claimedRows()).as("sent, claimed and still in the outbox").isOne();
		double recoveredBefore = recovered();

		drain();

		assertThat(outboxSize()).isZero();
		assertThat(recovered()).as("found in Kafka, deleted without sending").isEqualTo(recoveredBefore + 1);
		ConsumerRecord<String, String> record = single(read(Duration.ofSeconds(3)), article.id());
		assertThat(TopicReader.header(record, "ce_id")).isEqualTo(article.id());
	}

	@Test
	void shouldSendAClaimedRowThatNoAttemptGotIntoKafka() {
		Article claimedOnly = article("claimed-then-killed-before-send");
		Article fresh = article("never-claimed");
		this.articles.save(claimedOnly);
		this.jdbc.sql("update outbox set claimed_at = now() - interval '5 seconds'").update();
		this.articles.save(fresh);
		double recoveredBefore = recovered();

		drain();

		assertThat(outboxSize()).isZero();
		assertThat(recovered()).isEqualTo(recoveredBefore);
		List<ConsumerRecord<String, String>> records = read(Duration.ofSeconds(3));
		single(records, claimedOnly.id());
		single(records, fresh.id());
	}

	@Test
	void shouldPublishEachRowOnceWhenRelaysOfSeveralInstancesShareTheOutbox() throws Exception {
		List<Article> written = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			for (int i = 0; i < 300; i++) {
				Article article = article("shared-outbox-" + i);
				insertOutboxRow(connection, article);
				written.add(article);
			}
		}
		IngestSettings.Relay small = new IngestSettings.Relay(false, 20, Duration.ofMillis(200), Duration.ofSeconds(2),
				Duration.ofSeconds(30), Duration.ofMinutes(1));
		List<OutboxRelay> relays = List.of(anotherInstance(small), anotherInstance(small), anotherInstance(small));
		ExecutorService instances = Executors.newFixedThreadPool(relays.size());
		try {
			List<Future<Integer>> moved = new ArrayList<>();
			for (OutboxRelay relay : relays) {
				moved.add(instances.submit(() -> {
					int total = 0;
					while (outboxSize() > 0) {
						total += relay.relayOnce();
					}
					return total;
				}));
			}
			int total = 0;
			for (Future<Integer> one : moved) {
				total += one.get(2, TimeUnit.MINUTES);
			}
			assertThat(total).as("rows deleted by all relays together").isEqualTo(written.size());
		}
		finally {
			instances.shutdownNow();
		}

		List<ConsumerRecord<String, String>> records = read(Duration.ofSeconds(3));
		written.forEach((article) -> single(records, article.id()));
	}

	private OutboxRelay anotherInstance(IngestSettings.Relay relay) {
		return new OutboxRelay(this.jdbc, this.transactionManager, this.kafka,
				new IngestSettings(this.settings.topics(), relay, this.settings.poll(), this.settings.fetch()),
				new SimpleMeterRegistry());
	}

	private int claimedRows() {
		return this.jdbc.sql("select count(*) from outbox where claimed_at is not null").query(Integer.class).single();
	}

	private int outboxSize() {
		return this.jdbc.sql("select count(*) from outbox").query(Integer.class).single();
	}

	private double recovered() {
		return this.meters.counter("stancewatch.ingest.outbox.recovered").count();
	}

	private void drain() {
		while (this.relay.relayOnce() > 0) {
			// keep going until the outbox is empty
		}
	}

	private static List<ConsumerRecord<String, String>> read(Duration duration) {
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.ARTICLES)) {
			return reader.readFor(duration);
		}
	}

	private static ConsumerRecord<String, String> single(List<ConsumerRecord<String, String>> records, String key) {
		List<ConsumerRecord<String, String>> matching = records.stream().filter((r) -> r.key().equals(key)).toList();
		assertThat(matching).as("records with key " + key).hasSize(1);
		return matching.get(0);
	}

	private static void insertOutboxRow(Connection connection, Article article) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into outbox (topic, message_key, event_id, event_type, subject, payload) values (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, Topics.ARTICLES);
			insert.setString(2, article.id());
			insert.setString(3, article.id());
			insert.setString(4, "org.stancewatch.article.v1");
			insert.setString(5, article.id());
			insert.setString(6, EventJson.writeString(article));
			insert.executeUpdate();
		}
	}

	private static Article article(String name) {
		String id = name + "-" + UUID.randomUUID();
		return EventFixtures.anArticle(id, "https://news.example.org/" + id, "A story told in its own words: " + id);
	}

}
