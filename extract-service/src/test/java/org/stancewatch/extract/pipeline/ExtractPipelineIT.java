package org.stancewatch.extract.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.testsupport.RealKafka;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service in one JVM against a real broker: what goes in on the articles topic and
 * what comes out on the relation-changes topic and the dead-letter topic, read as a
 * downstream consumer reads them. The broker is shared with other test classes, so every
 * test writes articles of its own and looks only at the events of this context's engine
 * version.
 */
@SpringBootTest(properties = { "stancewatch.extract.group-id=pipeline-it-${random.uuid}",
		"test.extractor.version=marker/${random.uuid}" })
@ContextConfiguration(initializers = RealKafka.class)
@Import(MarkerExtractorConfiguration.class)
@DirtiesContext
@AutoConfigureTracing
class ExtractPipelineIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static ArticlesTopic articles;

	@Autowired
	RelationExtractor extractor;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConsumerFactory<?, ?> consumerFactory;

	@Autowired
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor;

	@BeforeAll
	static void createArticlesTopic() {
		articles = ArticlesTopic.open(TestInfrastructure.kafkaBootstrapServers());
	}

	@AfterAll
	static void closeProducer() {
		articles.close();
	}

	@Test
	void shouldPublishEachRelationChangeOnceKeyedByDyadWithCloudEventHeaders() {
		String run = UUID.randomUUID().toString();
		List<Article> sent = List.of(
				Articles.article(run + "-1", "Officials said " + MarkerExtractor.marker("RU") + " after talks."),
				Articles.article(run + "-2",
						"In separate statements " + MarkerExtractor.marker("CN") + " and "
								+ MarkerExtractor.marker("PK") + " on the same day."),
				Articles.article(run + "-3", "A report on wheat prices; no diplomacy in it."),
				Articles.article(run + "-4", "Weeks later " + MarkerExtractor.marker("RU") + " again, by decree."),
				Articles.article(run + "-5", "Closing remarks: " + MarkerExtractor.marker("RU") + "."));
		// One partition, so the order in which the articles are read is known.
		articles.sendWithCloudEventHeaders(sent.get(0), 0);
		articles.sendPlain(sent.get(1), 0);
		articles.sendWithCloudEventHeaders(sent.get(2), 0);
		articles.sendPlain(sent.get(3), 0);
		articles.sendWithCloudEventHeaders(sent.get(4), 0);
		List<RelationChange> expected = sent.stream()
			.flatMap((article) -> this.extractor.extract(article).stream())
			.toList();
		assertThat(expected).hasSize(5);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.RELATION_CHANGES)) {
			reader.awaitUntil((read) -> ofRun(read, run).size() >= expected.size(), WAIT);
			List<ConsumerRecord<String, String>> published = ofRun(reader.readFor(Duration.ofSeconds(2)), run);

			assertThat(published).map(this::change).containsExactlyInAnyOrderElementsOf(expected);
			for (ConsumerRecord<String, String> record : published) {
				RelationChange change = change(record);
				assertThat(record.key()).isEqualTo(change.actor() + ">AF");
				assertThat(TopicReader.header(record, CloudEvent.ID)).isEqualTo(change.eventId());
				assertThat(TopicReader.header(record, CloudEvent.TYPE)).isEqualTo("org.stancewatch.relation-change.v1");
				assertThat(TopicReader.header(record, CloudEvent.SOURCE)).isEqualTo("/stancewatch/extract-service");
				assertThat(TopicReader.header(record, CloudEvent.SPECVERSION)).isEqualTo("1.0");
				assertThat(TopicReader.header(record, CloudEvent.SUBJECT)).isEqualTo(record.key());
				assertThat(TopicReader.header(record, CloudEvent.TIME)).isNotBlank();
				assertThat(TopicReader.header(record, CloudEvent.CONTENT_TYPE_HEADER)).isEqualTo("application/json");
				assertThat(record.headers()).noneMatch((header) -> header.key().startsWith("__"));
				assertThat(record.value()).doesNotContain("org.stancewatch");
			}
			List<ConsumerRecord<String, String>> russia = published.stream()
				.filter((record) -> record.key().equals("RU>AF"))
				.toList();
			assertThat(russia).map(ConsumerRecord::partition).containsOnly(russia.get(0).partition());
			assertThat(russia).map((record) -> change(record).articleId())
				.containsExactly(run + "-1", run + "-4", run + "-5");
		}
	}

	@Test
	void shouldCarryTheTraceAndTheStoredTimeOfAnArticleOnToItsRelationChanges() {
		String run = UUID.randomUUID().toString();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		Article article = Articles.article(run + "-traced",
				"Two acts: " + MarkerExtractor.marker("BY") + " and " + MarkerExtractor.marker("MN") + ".");
		ProducerRecord<String, byte[]> record = ArticlesTopic.plain(article, 2);
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		String storedAt = "2026-03-14T09:26:53.589Z";
		record.headers().add("ce_time", storedAt.getBytes(StandardCharsets.UTF_8));
		ArticlesTopic.sendInOneTransaction(TestInfrastructure.kafkaBootstrapServers(), List.of(record));

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.RELATION_CHANGES)) {
			List<ConsumerRecord<String, String>> published = ofRun(
					reader.awaitUntil((read) -> ofRun(read, run).size() >= 2, WAIT), run);
			assertThat(published).hasSize(2)
				.allSatisfy((change) -> assertThat(TopicReader.header(change, "traceparent"))
					.matches("00-" + traceId + "-[0-9a-f]{16}-01")
					.doesNotContain("00f067aa0ba902b7"))
				.allSatisfy((change) -> assertThat(TopicReader.header(change, "stancewatch-article-time"))
					.as("when ingest stored the article")
					.isEqualTo(storedAt));
		}
	}

	@Test
	void shouldDeadLetterPoisonRecordsWithTheReasonAndGoOnWithTheNextArticle() {
		String run = UUID.randomUUID().toString();
		double deadLettersBefore = counter("stancewatch.extract.dead.letters");
		articles.sendRaw(run + "-not-json", "<html>this is a web page, not an article", 0);
		articles.sendRaw(run + "-no-url-no-text", "{\"id\":\"" + run + "-no-url-no-text\",\"title\":\"Only a title\"}",
				0);
		articles.sendPlain(Articles.article(run + "-unreadable", "Lead paragraph. " + MarkerExtractor.UNREADABLE), 0);
		articles.sendRaw(run + "-deleted", (byte[]) null, 0);
		Article next = Articles.article(run + "-next", "Still flowing: " + MarkerExtractor.marker("UZ") + ".");
		articles.sendPlain(next, 0);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.deadLetter(Topics.ARTICLES))) {
			List<ConsumerRecord<String, String>> dead = ofKeys(
					reader.awaitUntil((read) -> ofKeys(read, run).size() >= 3, WAIT), run);
			assertThat(dead).map(ConsumerRecord::key)
				.containsExactly(run + "-not-json", run + "-no-url-no-text", run + "-unreadable");
			assertThat(dead.get(0).value()).isEqualTo("<html>this is a web page, not an article");
			assertThat(reason(dead.get(0))).contains("Not an article in JSON");
			assertThat(reason(dead.get(1))).contains("lacks required fields: url, text");
			assertThat(reason(dead.get(2))).contains("failed on article '" + run + "-unreadable'")
				.contains("no rule can parse this text");
			for (ConsumerRecord<String, String> record : dead) {
				assertThat(record.partition()).isZero();
				assertThat(TopicReader.header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES);
				assertThat(
						ByteBuffer.wrap(record.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
					.isZero();
				assertThat(TopicReader.header(record, "kafka_dlt-original-consumer-group")).startsWith("pipeline-it-");
				assertThat(TopicReader.header(record, "kafka_dlt-exception-cause-fqcn"))
					.isEqualTo(UnprocessableArticleException.class.getName());
			}
		}
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.RELATION_CHANGES)) {
			List<ConsumerRecord<String, String>> published = ofRun(
					reader.awaitUntil((read) -> !ofRun(read, run).isEmpty(), WAIT), run);
			assertThat(published).map(this::change).containsExactlyElementsOf(this.extractor.extract(next));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(counter("stancewatch.extract.dead.letters"))
				.isGreaterThanOrEqualTo(deadLettersBefore + 3));
		assertThat(counter("stancewatch.extract.articles")).isPositive();
		assertThat(counter("stancewatch.extract.relation.changes")).isPositive();
	}

	@Test
	void shouldDeadLetterOnlyThePoisonRecordInTheMiddleOfABatchAndPublishTheRestOnce() {
		String run = UUID.randomUUID().toString();
		List<Article> good = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			good.add(Articles.article(run + "-" + i,
					"Item " + i + ": " + MarkerExtractor.marker((i % 2 == 0) ? "TM" : "KZ")
							+ ((i % 4 == 0) ? " and " + MarkerExtractor.marker("OM") : "") + "."));
		}
		List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
		good.subList(0, 10).forEach((article) -> batch.add(ArticlesTopic.plain(article, 1)));
		batch.add(new ProducerRecord<>(Topics.ARTICLES, 1, run + "-poison",
				"{\"id\":\"broken".getBytes(StandardCharsets.UTF_8)));
		good.subList(10, 20).forEach((article) -> batch.add(ArticlesTopic.plain(article, 1)));
		// One producer transaction: the listener's next poll gets all 21 records at once.
		ArticlesTopic.sendInOneTransaction(TestInfrastructure.kafkaBootstrapServers(), batch);
		List<RelationChange> expected = good.stream()
			.flatMap((article) -> this.extractor.extract(article).stream())
			.toList();
		assertThat(expected).hasSize(25);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.deadLetter(Topics.ARTICLES))) {
			reader.awaitUntil((read) -> !ofKeys(read, run).isEmpty(), WAIT);
			List<ConsumerRecord<String, String>> dead = ofKeys(reader.readFor(Duration.ofSeconds(3)), run);
			assertThat(dead).map(ConsumerRecord::key).containsExactly(run + "-poison");
			assertThat(dead.get(0).partition()).isOne();
			assertThat(reason(dead.get(0))).contains("Not an article in JSON");
		}
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.RELATION_CHANGES)) {
			reader.awaitUntil((read) -> ofRun(read, run).size() >= expected.size(), WAIT);
			List<RelationChange> published = ofRun(reader.readFor(Duration.ofSeconds(3)), run).stream()
				.map(this::change)
				.toList();
			assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
			// Each dyad's events in the order of the articles on the partition.
			for (String actor : List.of("TM", "KZ", "OM")) {
				assertThat(published.stream().filter((change) -> change.actor().equals(actor)))
					.map(RelationChange::articleId)
					.containsExactlyElementsOf(expected.stream()
						.filter((change) -> change.actor().equals(actor))
						.map(RelationChange::articleId)
						.toList());
			}
		}
	}

	@Test
	void shouldReadCommittedAndWriteInKafkaTransactionsThatNeverDropARecord() {
		MessageListenerContainer container = this.listeners.getListenerContainer("articles");
		assertThat(container).isNotNull();
		assertThat(container.getContainerProperties().getKafkaAwareTransactionManager()).isNotNull();
		assertThat(container.getContainerProperties().getMessageListener()).isInstanceOf(BatchMessageListener.class);
		assertThat(container.getContainerProperties().isBatchRecoverAfterRollback()).isTrue();
		assertThat(this.consumerFactory.getConfigurationProperties()).containsEntry("isolation.level",
				"read_committed");
		assertThat(((AbstractMessageListenerContainer<?, ?>) container).getAfterRollbackProcessor())
			.isSameAs(this.afterRollbackProcessor);
	}

	private List<ConsumerRecord<String, String>> ofRun(List<ConsumerRecord<String, String>> records, String run) {
		return records.stream()
			.filter((record) -> change(record).extractor().equals(this.extractor.version()))
			.filter((record) -> change(record).articleId().startsWith(run))
			.toList();
	}

	private static List<ConsumerRecord<String, String>> ofKeys(List<ConsumerRecord<String, String>> records,
			String run) {
		return records.stream().filter((record) -> record.key() != null && record.key().startsWith(run)).toList();
	}

	private RelationChange change(ConsumerRecord<String, String> record) {
		return EventJson.read(record.value(), RelationChange.class);
	}

	private static String reason(ConsumerRecord<String, String> record) {
		return String.valueOf(TopicReader.header(record, "kafka_dlt-exception-message"));
	}

	private double counter(String name) {
		return this.meters.get(name).counter().count();
	}

}
