package org.stancewatch.ingest.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventFixtures;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.ingest.intake.ArticleStore;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay driven by hand (its loop is off) to show what it does in the cases that
 * matter: rows committed out of order, and a crash between Kafka's acknowledgement and
 * the delete.
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
	void shouldPublishAtMostADuplicateWithTheSameKeyAndIdWhenKilledBetweenSendAndDelete() {
		Article article = article("crash-between-send-and-delete");
		this.articles.save(article);
		this.transactions.executeWithoutResult((status) -> {
			this.relay.publish(this.relay.claim(500));
			status.setRollbackOnly();
		});
		drain();

		List<ConsumerRecord<String, String>> copies = read(Duration.ofSeconds(3)).stream()
			.filter((record) -> record.key().equals(article.id()))
			.toList();
		assertThat(copies).hasSize(2);
		assertThat(copies).extracting((record) -> TopicReader.header(record, "ce_id")).containsOnly(article.id());
		Map<String, List<ConsumerRecord<String, String>>> afterDedup = copies.stream()
			.collect(Collectors.groupingBy((record) -> TopicReader.header(record, "ce_id")));
		assertThat(afterDedup).hasSize(1);
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
