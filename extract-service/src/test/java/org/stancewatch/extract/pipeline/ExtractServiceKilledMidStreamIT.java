package org.stancewatch.extract.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantee of design.md, tested the hard way: the service runs as its own process
 * (the real main class, with the {@link MarkerExtractor} in place of the engine), is
 * killed with SIGKILL while it works through 1,000 articles, and is started again. A
 * downstream consumer reading committed records then sees every expected event exactly
 * once: none lost with the dead process, none doubled by the restart re-reading articles
 * whose offsets the dead process had not committed.
 */
class ExtractServiceKilledMidStreamIT {

	private static final int ARTICLES = 1_000;

	private static final String[] ACTORS = { "RU", "CN", "PK", "IR", "UZ", "TM", "KZ", "QA" };

	private static final Logger logger = LoggerFactory.getLogger(ExtractServiceKilledMidStreamIT.class);

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void shouldCommitEachEventExactlyOnceWhenKilledMidStreamAndRestarted() throws Exception {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		String run = UUID.randomUUID().toString();
		MarkerExtractor engine = new MarkerExtractor("marker/kill-" + run);
		List<Article> stream = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			String text = "Item " + i + ": " + MarkerExtractor.marker(ACTORS[i % ACTORS.length]) + "."
					+ ((i % 5 == 0) ? " Later " + MarkerExtractor.marker(ACTORS[(i + 3) % ACTORS.length]) + "." : "");
			stream.add(Articles.article(run + "-" + i, text));
		}
		Set<String> expected = stream.stream()
			.flatMap((article) -> engine.extract(article).stream())
			.map(RelationChange::eventId)
			.collect(Collectors.toSet());
		assertThat(expected).hasSize(1_200);
		try (ArticlesTopic articles = ArticlesTopic.open(bootstrap)) {
			for (int i = 0; i < stream.size(); i++) {
				articles.sendPlain(stream.get(i), i % ArticlesTopic.PARTITIONS);
			}
		}

		Process first = start(bootstrap, run, engine.version(), 1);
		ArticlesTopic.awaitTopic(bootstrap, Topics.RELATION_CHANGES);
		try (TopicReader reader = new TopicReader(bootstrap, Topics.RELATION_CHANGES)) {
			reader.awaitUntil((read) -> eventIds(read, engine, run).size() >= 100, Duration.ofMinutes(3));
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			int atKill = eventIds(reader.readFor(Duration.ofSeconds(2)), engine, run).size();
			assertThat(atKill).as("killed mid-stream, after some output and before the end")
				.isBetween(100, expected.size() - 1);

			long restarted = System.nanoTime();
			start(bootstrap, run, engine.version(), 2);
			reader.awaitUntil((read) -> eventIds(read, engine, run).size() >= expected.size(), Duration.ofMinutes(4));
			long restartSeconds = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();
			List<String> committed = eventIds(reader.readFor(Duration.ofSeconds(5)), engine, run);
			logger.info(
					"Killed with {} of {} events committed; the restarted process committed the rest in {} s; "
							+ "the log also holds {} records of aborted transactions, invisible to read_committed",
					atKill, expected.size(), restartSeconds, uncommitted(bootstrap, engine, run) - committed.size());

			assertThat(committed).doesNotHaveDuplicates();
			assertThat(committed).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	private Process start(String bootstrap, String run, String engineVersion, int attempt) throws IOException {
		Path log = Path.of("target", "killed-mid-stream-" + attempt + ".log");
		Files.createDirectories(log.getParent());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Failsafe hands the forked JVM a manifest-only jar; the real class path is here.
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
				ExtractServiceWithMarkerExtractor.class.getName(), "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--spring.main.web-application-type=none", "--stancewatch.extract.group-id=killed-" + run,
				"--test.extractor.version=" + engineVersion, "--spring.kafka.producer.transaction-id-prefix=killed-",
				// A restarted member need not wait the default 45 s for the dead one to
				// expire.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				// Small polls, so the stream takes a hundred transactions and the kill
				// lands in the middle of it, most likely inside one.
				"--spring.kafka.consumer.max-poll-records=10");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	/** Every record of this test in the log, aborted transactions included. */
	private static int uncommitted(String bootstrap, MarkerExtractor engine, String run) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_uncommitted", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELATION_CHANGES)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return eventIds(records, engine, run).size();
		}
	}

	private static List<String> eventIds(List<ConsumerRecord<String, String>> records, MarkerExtractor engine,
			String run) {
		return records.stream()
			.map((record) -> EventJson.read(record.value(), RelationChange.class))
			// The service reads every article on the shared topic: keep those of this
			// test.
			.filter((change) -> change.extractor().equals(engine.version()))
			.filter((change) -> change.articleId().startsWith(run))
			.map(RelationChange::eventId)
			.toList();
	}

}
