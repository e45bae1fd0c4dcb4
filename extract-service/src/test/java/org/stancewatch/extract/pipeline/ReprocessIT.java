package org.stancewatch.extract.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.extract.ExtractApplication;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine upgrade as an operator runs it: the service restarted with a new engine
 * version carries on where it stopped; restarted with
 * {@code stancewatch.extract.reprocess=true} it reads every article again with the new
 * version.
 */
class ReprocessIT {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();

	private final String run = UUID.randomUUID().toString();

	private final String group = "reprocess-it-" + this.run;

	@Test
	void shouldReadEveryArticleAgainWithTheNewEngineOnlyInReprocessMode() {
		String oldEngine = "marker/1-" + this.run;
		String newEngine = "marker/2-" + this.run;
		List<Article> backlog = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			backlog.add(Articles.article(this.run + "-" + i, "Note " + i + ": " + MarkerExtractor.marker("KZ") + "."));
		}
		Article fresh = Articles.article(this.run + "-fresh", "Today " + MarkerExtractor.marker("QA") + ".");
		try (ArticlesTopic articles = ArticlesTopic.open(this.bootstrap)) {
			// One partition: once the fresh article is read, nothing before it was.
			backlog.forEach((article) -> articles.sendPlain(article, 0));

			try (ConfigurableApplicationContext service = start(oldEngine, false)) {
				ArticlesTopic.awaitTopic(this.bootstrap, Topics.RELATION_CHANGES);
				assertThat(awaitArticles(oldEngine, 20)).hasSize(20);
			}

			try (ConfigurableApplicationContext service = start(newEngine, false)) {
				articles.sendPlain(fresh, 0);
				assertThat(awaitArticles(newEngine, 1)).containsExactly(fresh.id());
				assertThat(groupOf(service)).isEqualTo(this.group);
			}

			try (ConfigurableApplicationContext service = start(newEngine, true)) {
				List<String> read = awaitArticles(newEngine, 22);
				assertThat(groupOf(service)).isEqualTo(this.group + "-reprocess-marker-2-" + this.run);
				// The fresh article twice, with the same event id: consumers drop the
				// repeat.
				assertThat(read).hasSize(22).containsAll(backlog.stream().map(Article::id).toList());
				assertThat(read.stream().filter(fresh.id()::equals)).hasSize(2);
			}
		}
	}

	private ConfigurableApplicationContext start(String engineVersion, boolean reprocess) {
		return new SpringApplicationBuilder(ExtractApplication.class, MarkerExtractorConfiguration.class)
			.web(WebApplicationType.NONE)
			.run("--spring.kafka.bootstrap-servers=" + this.bootstrap, "--stancewatch.extract.group-id=" + this.group,
					"--stancewatch.extract.reprocess=" + reprocess, "--test.extractor.version=" + engineVersion);
	}

	/** Article ids of the events of one engine version, once {@code count} are there. */
	private List<String> awaitArticles(String engineVersion, int count) {
		try (TopicReader reader = new TopicReader(this.bootstrap, Topics.RELATION_CHANGES)) {
			reader.awaitUntil((read) -> articlesOf(read, engineVersion).size() >= count, WAIT);
			return articlesOf(reader.readFor(Duration.ofSeconds(3)), engineVersion);
		}
	}

	private List<String> articlesOf(List<ConsumerRecord<String, String>> records, String engineVersion) {
		return records.stream()
			.map((record) -> EventJson.read(record.value(), RelationChange.class))
			// The service reads every article on the shared topic: keep those of this
			// test.
			.filter((change) -> change.extractor().equals(engineVersion))
			.filter((change) -> change.articleId().startsWith(this.run))
			.map(RelationChange::articleId)
			.toList();
	}

	private static String groupOf(ConfigurableApplicationContext service) {
		return service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("articles").getGroupId();
	}

}
