package org.stancewatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.TestInfrastructure;

/**
 * Measures extract-service from outside, Kafka in to Kafka out: {@code articles} articles
 * of {@link ArticleCorpus} (default 30,000, about 4 KB each) are written to the articles
 * topic of a real broker first; then the service's jar starts as its own process with a
 * 256 MB heap and works through them. The rate is read from the consumer group's
 * committed offsets, which extract-service commits in the same Kafka transactions as its
 * output: once they cover the topic, every relation change is committed too. It is
 * reported sustained (from 5% to 100% of the articles, without the start-up) and overall
 * (from the service's readiness), with the relation changes a read-committed consumer
 * then finds and the dead letters.
 * <p>
 * Settings: {@code -Darticles=}, {@code -Dpartitions=} (articles topic, default 6),
 * {@code -DserviceOptions="-Dspring.kafka.listener.concurrency=3 -Dstancewatch.extract.workers=2"}
 * for the service's JVM.
 * <p>
 * {@code -Dengine=marker} measures the pipeline without the cost of the rule engine: the
 * same jar runs with the pipeline tests' stand-in engine (a regular expression, from
 * {@code extract-service/target/test-classes}), and two articles in five get a sentence
 * it reads as an event, about as many events as the rule engine finds in the corpus. That
 * is the ceiling the Kafka side allows, whatever the engine.
 * <p>
 * Run from the repository root once the jar is built
 * ({@code ./mvnw -B -o -q -pl extract-service -am package -DskipTests}), with the class
 * path of the benchmarks module:
 * {@code java -cp ... org.stancewatch.benchmarks.ExtractBenchmark} (see
 * docs/benchmarks.md).
 */
public final class ExtractBenchmark {

	private static final Path JAR = Path.of("extract-service/target/extract-service.jar");

	private static final Pattern HEAP_USED = Pattern
		.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E+]+)");

	private static final Path TEST_CLASSES = Path.of("extract-service/target/test-classes");

	private static final String[] ACTORS = { "RU", "CN", "PK", "UZ", "KZ", "IR", "QA", "TM" };

	private ExtractBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("articles", 30_000);
		int partitions = Integer.getInteger("partitions", 6);
		String kafka = TestInfrastructure.kafkaBootstrapServers();
		String group = "extract-bench-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			createArticlesTopic(admin, partitions);
			boolean marker = "marker".equals(System.getProperty("engine", "rules"));
			List<Article> articles = ArticleCorpus.generate(count, 2026L);
			long preloaded = preload(kafka, marker ? withMarkers(articles) : articles);
			Map<TopicPartition, Long> ends = endOffsets(admin, Topics.ARTICLES, IsolationLevel.READ_UNCOMMITTED);
			long total = ends.values().stream().mapToLong(Long::longValue).sum();
			System.out.printf("%d articles written to %s (%d partitions) in %d ms; the topic holds %d records%n", count,
					Topics.ARTICLES, partitions, preloaded, total);

			Map<String, String> environment = new HashMap<>(
					Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "EXTRACT_GROUP_ID", group, "EXTRACT_INSTANCE_ID", group));
			List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseG1GC"));
			jvm.addAll(Arrays.stream(System.getProperty("serviceOptions", "").split(" "))
				.filter((option) -> !option.isBlank())
				.toList());
			if (marker) {
				// The jar's own launcher, told to add the test classes and start the
				// test main class; the "-jar <jar>" that follows becomes two ignored
				// program arguments.
				jvm.addAll(List.of("-Dloader.path=" + markerEngineClasses(),
						"-Dloader.main=org.stancewatch.extract.pipeline.ExtractServiceWithMarkerExtractor", "-cp",
						JAR.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
			}
			Path log = Files.createTempDirectory("stancewatch-bench-").resolve("extract.log");
			long launched = System.nanoTime();
			try (ServiceProcess service = ServiceProcess.start(JAR, jvm, environment, ServiceProcess.freePort(), log)) {
				long ready = System.nanoTime();
				long fivePercentAt = 0;
				long fivePercent = 0;
				long committed = 0;
				while (committed < total) {
					Sleep.millis(100);
					committed = committed(admin, group);
					if (fivePercentAt == 0 && committed >= total / 20) {
						fivePercentAt = System.nanoTime();
						fivePercent = committed;
					}
					if (!service.isAlive()) {
						throw new IllegalStateException("extract-service died; see " + log);
					}
				}
				long done = System.nanoTime();
				double sustained = (total - fivePercent) / seconds(done - fivePercentAt);
				double overall = total / seconds(done - ready);
				long events = countCommitted(admin, kafka, Topics.RELATION_CHANGES);
				long deadLetters = countCommitted(admin, kafka, Topics.deadLetter(Topics.ARTICLES));
				System.out.printf(
						"RESULT extract Kafka in/out: %d articles, sustained %.0f articles/s (5%% to 100%% in %.1f s), "
								+ "%.0f articles/s from readiness (%.1f s; start-up took %.1f s); "
								+ "%d relation changes committed (%.0f/s sustained), %d dead letters, heap used at the end %s; "
								+ "service options: %s%n",
						total, sustained, seconds(done - fivePercentAt), overall, seconds(done - ready),
						seconds(ready - launched), events, events * sustained / total, deadLetters, heapUsed(service),
						jvm);
			}
		}
		System.exit(0);
	}

	/**
	 * The stand-in engine's classes alone: the whole test-classes directory would bring
	 * the tests' own configurations into the service's component scan.
	 */
	private static Path markerEngineClasses() throws IOException {
		Path classes = Files.createTempDirectory("stancewatch-marker-engine-");
		Path pipeline = Path.of("org", "stancewatch", "extract", "pipeline");
		Files.createDirectories(classes.resolve(pipeline));
		for (String name : List.of("MarkerExtractor", "MarkerExtractorConfiguration",
				"ExtractServiceWithMarkerExtractor")) {
			Path file = pipeline.resolve(name + ".class");
			Files.copy(TEST_CLASSES.resolve(file), classes.resolve(file));
		}
		return classes.toAbsolutePath();
	}

	private static List<Article> withMarkers(List<Article> articles) {
		List<Article> marked = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			Article article = articles.get(i);
			marked.add((i % 5 >= 2) ? article
					: new Article(article.id(), article.url(), article.canonicalUrl(), article.title(),
							article.source(), article.feedId(), article.publishedAt(), article.fetchedAt(),
							article.language(), article.text() + " " + ACTORS[i % ACTORS.length] + " recognises Kabul.",
							article.summary(), article.contentHash(), article.duplicateOf()));
		}
		return marked;
	}

	private static void createArticlesTopic(Admin admin, int partitions) throws Exception {
		try {
			admin.createTopics(List.of(new NewTopic(Topics.ARTICLES, partitions, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	/**
	 * As ingest-service's relay writes them: keyed by article id, JSON values, its
	 * producer settings (linger 5 ms, no compression).
	 */
	private static long preload(String kafka, List<Article> articles) {
		long started = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new ByteArraySerializer())) {
			for (Article article : articles) {
				producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), EventJson.write(article)));
			}
			producer.flush();
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	private static long committed(Admin admin, String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(30, TimeUnit.SECONDS);
		return offsets.values().stream().filter((offset) -> offset != null).mapToLong(OffsetAndMetadata::offset).sum();
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, IsolationLevel isolation)
			throws Exception {
		List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latest, new ListOffsetsOptions(isolation))
			.all()
			.get(30, TimeUnit.SECONDS)
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/** Records a read-committed consumer finds in the topic: aborted ones not counted. */
	private static long countCommitted(Admin admin, String kafka, String topic) throws Exception {
		Map<TopicPartition, Long> ends = endOffsets(admin, topic, IsolationLevel.READ_COMMITTED);
		long records = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			while (ends.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				records += consumer.poll(Duration.ofMillis(500)).count();
			}
		}
		return records;
	}

	private static String heapUsed(ServiceProcess service) {
		Matcher matcher = HEAP_USED.matcher(service.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
		return matcher.find() ? String.format("%.0f MB", Double.parseDouble(matcher.group(1)) / 1_048_576) : "unknown";
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
