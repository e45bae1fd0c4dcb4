package org.stancewatch.ingest.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventFixtures;
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
 * The relay polls once an hour here, so an article that reaches Kafka at all was sent
 * because the transaction that stored it woke the relay when it committed; one that
 * rolled back wakes nobody and sends nothing.
 */
@SpringBootTest(properties = { "stancewatch.ingest.relay.idle-delay=1h", "stancewatch.ingest.poll.enabled=false" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class RelayWakeUpIT {

	@Autowired
	ArticleStore articles;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldPublishAsSoonAsTheArticleCommitsWithoutWaitingForThePoll() {
		Article rolledBack = article("rolled-back");
		Article committed = article("committed");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.ARTICLES)) {
			this.transactions.executeWithoutResult((status) -> {
				this.articles.save(rolledBack);
				status.setRollbackOnly();
			});
			this.transactions.executeWithoutResult((status) -> this.articles.save(committed));

			List<ConsumerRecord<String, String>> records = reader.awaitUntil(
					(read) -> read.stream().anyMatch((r) -> r.key().equals(committed.id())), Duration.ofSeconds(10));
			assertThat(records).extracting(ConsumerRecord::key).contains(committed.id());
			assertThat(reader.readFor(Duration.ofSeconds(1))).extracting(ConsumerRecord::key)
				.doesNotContain(rolledBack.id());
		}
	}

	private static Article article(String name) {
		String id = name + "-" + UUID.randomUUID();
		return EventFixtures.anArticle(id, "https://news.example.org/" + id, "A line written for this test: " + id);
	}

}
