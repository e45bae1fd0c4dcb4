package org.stancewatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.TestInfrastructure;

/**
 * Measures the ingest service from outside: its jar runs as its own process with a 256 MB
 * heap against a real broker and a real PostgreSQL server.
 * <ul>
 * <li>{@code polls}: 60,000 feeds on 200 loopback hosts, all due at once; polls per
 * second sustained, and the heap the service used.</li>
 * <li>{@code outbox}: 50,000 articles waiting in the outbox; articles per second to
 * Kafka.</li>
 * </ul>
 * Run from the repository root after {@code ./mvnw -B -DskipTests install}:
 * {@code ./mvnw -B -q -pl benchmarks exec:java -Dbenchmark=org.stancewatch.benchmarks.IngestBenchmark -Dexec.args=polls}
 */
public final class IngestBenchmark {

	private static final Path JAR = Path.of("ingest-service/target/ingest-service.jar");

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "polls";
		Path work = Files.createTempDirectory("stancewatch-bench-");
		TestInfrastructure.Database database = TestInfrastructure.newDatabase();
		String kafka = TestInfrastructure.kafkaBootstrapServers();
		Map<String, String> environment = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "DATABASE_URL",
				database.url(), "DATABASE_USER", database.username(), "DATABASE_PASSWORD", database.password(),
				"STANCEWATCH_INGEST_FETCH_ALLOWPRIVATEADDRESSES", "true", "STANCEWATCH_INGEST_POLL_THREADS", "64"));
		List<String> jvm = List.of("-Xmx256m", "-XX:+UseG1GC");
		switch (mode) {
			case "polls" -> polls(environment, jvm, database, work);
			case "outbox" -> outbox(environment, jvm, database, kafka, work);
			default -> throw new IllegalArgumentException("Unknown mode " + mode + "; use polls or outbox");
		}
		System.exit(0);
	}

	private static void polls(Map<String, String> environment, List<String> jvm, TestInfrastructure.Database database,
			Path work) throws Exception {
		int feeds = Integer.getInteger("feeds", 60_000);
		int seconds = Integer.getInteger("seconds", 120);
		// Steady state: each feed was polled before, so the server answers 304 to its
		// ETag. With
		// -DnewItems=true every poll finds a new article instead (the first poll of a new
		// install).
		boolean newItems = Boolean.getBoolean("newItems");
		try (FeedServer server = new FeedServer(200, ServiceProcess.freePort());
				ServiceProcess service = ServiceProcess.start(JAR, jvm, environment, ServiceProcess.freePort(),
						work.resolve("ingest.log"))) {
			try (Connection connection = connect(database);
					PreparedStatement insert = connection.prepareStatement(
							"insert into feed (url, etag, fetch_full_text, next_poll_at) values (?, ?, false, now())")) {
				for (int i = 0; i < feeds; i++) {
					insert.setString(1, server.url(i));
					insert.setString(2, newItems ? null : FeedServer.etag(i));
					insert.addBatch();
					if (i % 5000 == 4999) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			System.out.printf("%d feeds registered on 200 hosts (%s); polling for %d s%n", feeds,
					newItems ? "every poll a new article" : "polled before: conditional GETs", seconds);
			long maxHeap = 0;
			long firstPolls = -1;
			Instant firstAt = null;
			long lastPolls = 0;
			Instant lastAt = null;
			Instant warmupEnd = Instant.now().plusSeconds(20);
			Instant end = Instant.now().plusSeconds(seconds);
			while (Instant.now().isBefore(end)) {
				Sleep.millis(5000);
				long heap = heapUsed(service);
				maxHeap = Math.max(maxHeap, heap);
				long polls = count(database, "select count(*) from fetch_history");
				System.out.printf("  polls %d, feed server requests %d, heap %d MB%n", polls, server.requests(),
						heap >> 20);
				if (polls >= feeds) {
					break; // every feed polled: nothing is due again before its interval
							// ends
				}
				if (Instant.now().isAfter(warmupEnd)) {
					if (firstAt == null) {
						firstPolls = polls;
						firstAt = Instant.now();
					}
					lastPolls = polls;
					lastAt = Instant.now();
				}
			}
			double rate = (lastPolls - firstPolls) / (Duration.between(firstAt, lastAt).toMillis() / 1000.0);
			long polls = count(database, "select count(*) from fetch_history");
			long articles = count(database, "select count(*) from article");
			long failed = count(database,
					"select count(*) from fetch_history where outcome not in ('OK', 'NOT_MODIFIED')");
			System.out.printf(
					"RESULT polls (%s): %.0f polls/s sustained after a 20 s warm-up, while feeds were due; "
							+ "%d polls, %d failed; %d articles stored; max heap used %d MB of 256 MB%n",
					newItems ? "new items" : "steady state", rate, polls, failed, articles, maxHeap >> 20);
		}
	}

	private static void outbox(Map<String, String> environment, List<String> jvm, TestInfrastructure.Database database,
			String kafka, Path work) throws Exception {
		int articles = Integer.getInteger("articles", 50_000);
		Map<String, String> quiet = new HashMap<>(environment);
		quiet.put("STANCEWATCH_INGEST_RELAY_ENABLED", "false");
		quiet.put("STANCEWATCH_INGEST_POLL_ENABLED", "false");
		try (ServiceProcess schema = ServiceProcess.start(JAR, jvm, quiet, ServiceProcess.freePort(),
				work.resolve("schema.log"))) {
			// started once to create the schema and the topic
		}
		try (Connection connection = connect(database)) {
			connection.setAutoCommit(false);
			try (PreparedStatement outbox = connection.prepareStatement(
					"insert into outbox (topic, message_key, event_id, event_type, subject, payload) values (?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < articles; i++) {
					Article article = article(i);
					outbox.setString(1, Topics.ARTICLES);
					outbox.setString(2, article.id());
					outbox.setString(3, article.id());
					outbox.setString(4, "org.stancewatch.article.v1");
					outbox.setString(5, article.id());
					outbox.setString(6, EventJson.writeString(article));
					outbox.addBatch();
					if (i % 5000 == 4999) {
						outbox.executeBatch();
					}
				}
				outbox.executeBatch();
			}
			connection.commit();
		}
		long before = endOffsets(kafka);
		Map<String, String> relaying = new HashMap<>(environment);
		relaying.put("STANCEWATCH_INGEST_POLL_ENABLED", "false");
		System.out.printf("%d articles (%d bytes each) waiting in the outbox; starting the relay%n", articles,
				EventJson.write(article(0)).length);
		Instant started;
		try (ServiceProcess service = ServiceProcess.start(JAR, jvm, relaying, ServiceProcess.freePort(),
				work.resolve("relay.log"))) {
			started = Instant.now();
			while (endOffsets(kafka) - before < articles) {
				Sleep.millis(100);
			}
			Duration took = Duration.between(started, Instant.now());
			System.out.printf("RESULT outbox: %d articles to Kafka in %.1f s after readiness: %.0f articles/s%n",
					articles, took.toMillis() / 1000.0, articles / (took.toMillis() / 1000.0));
		}
	}

	private static Article article(int i) {
		String id = "bench-" + i;
		String text = ("A regional desk files report number " + i + " about trade talks, border crossings and aid "
				+ "convoys, with quotes from officials and traders, written for this benchmark. ")
			.repeat(20);
		Instant now = Instant.parse("2025-11-03T10:00:00Z");
		return new Article(id, "https://bench.example.org/" + id, "https://bench.example.org/" + id, "Report " + i,
				"bench.example.org", null, now, now, "en", text, null, "sha256:" + i, null);
	}

	private static long endOffsets(String kafka) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			int partitions = admin.describeTopics(List.of(Topics.ARTICLES))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topics.ARTICLES)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, partitions)
				.boxed()
				.collect(Collectors.toMap((p) -> new TopicPartition(Topics.ARTICLES, p), (p) -> OffsetSpec.latest()));
			return admin.listOffsets(request)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
	}

	private static long heapUsed(ServiceProcess service) {
		String metric = service.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
		Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)").matcher(metric);
		return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
	}

	private static long count(TestInfrastructure.Database database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			var rs = statement.executeQuery(sql);
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Connection connect(TestInfrastructure.Database database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
