package org.stancewatch.ingest.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventFixtures;
import org.stancewatch.contracts.Topics;
import org.stancewatch.ingest.intake.ArticleStore;
import org.stancewatch.testsupport.KafkaBrokerProcess;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real broker, in its own process, stopped while articles keep arriving: the service
 * keeps storing them, and once the broker is back every one is published, none twice.
 */
@SpringBootTest(properties = "stancewatch.ingest.poll.enabled=false")
class KafkaOutageIT {

	static final KafkaBrokerProcess broker = new KafkaBrokerProcess().start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.Database database = TestInfrastructure.newDatabase();
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("stancewatch.ingest.relay.error-delay", () -> "500ms");
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Autowired
	ArticleStore articles;

	@Test
	void shouldPublishEveryArticleOnceAfterKafkaComesBack() {
		List<Article> before = store(20);
		try (TopicReader reader = new TopicReader(broker.bootstrapServers(), Topics.ARTICLES)) {
			assertThat(reader.awaitAtLeast(before.size(), Duration.ofSeconds(60))).hasSize(before.size());
		}

		broker.stop();
		List<Article> during = store(50);
		broker.start();

		Set<String> expected = IntStream.range(0, 2)
			.mapToObj((i) -> (i == 0) ? before : during)
			.flatMap(List::stream)
			.map(Article::id)
			.collect(Collectors.toSet());
		try (TopicReader reader = new TopicReader(broker.bootstrapServers(), Topics.ARTICLES)) {
			List<ConsumerRecord<String, String>> records = reader.awaitAtLeast(expected.size(),
					Duration.ofSeconds(120));
			records = reader.readFor(Duration.ofSeconds(2));
			assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expected);
			assertThat(records).as("no article published twice").hasSize(expected.size());
		}
	}

	private List<Article> store(int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			String id = "outage-" + UUID.randomUUID();
			Article article = EventFixtures.anArticle(id, "https://news.example.org/" + id, "Text of " + id);
			this.articles.save(article);
			return article;
		}).toList();
	}

}
