package org.stancewatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.TestInfrastructure;

/**
 * Measures the alert service from outside: its jar runs as its own process against a real
 * broker and a real PostgreSQL server, relation changes are published to Kafka as
 * extract-service publishes them, and webhooks arrive at a receiver on loopback.
 * <ul>
 * <li>{@code fold}: 20,000 relation changes ({@code -Dchanges}) over 200 states
 * ({@code -Dstates}, fewer make longer dyad logs); changes consumed and folded per
 * second.</li>
 * <li>{@code fanout}: 50 webhook subscriptions, 20 shifts; deliveries received per
 * second.</li>
 * <li>{@code latency}: 50 relation changes/s for 60 s, one in 16 a shift; from the
 * change's send to its webhook's arrival, p50 and p99.</li>
 * </ul>
 * Run from the repository root after {@code ./mvnw -B -DskipTests install}:
 * {@code ./mvnw -B -q -pl benchmarks compile exec:java -Dbenchmark=org.stancewatch.benchmarks.AlertBenchmark -Dexec.args=fold}
 */
public final class AlertBenchmark {

	private static final Path JAR = Path.of("alert-service/target/alert-service.jar");

	private static final List<String> STATES = Arrays.stream(Locale.getISOCountries())
		.filter((code) -> !code.equals("AF"))
		.limit(200)
		.toList();

	/**
	 * Shifts of the first seconds are not timed: the service's JIT is still compiling.
	 */
	private static final int WARM_UP_SECONDS = 10;

	private static final Pattern CAUSE = Pattern.compile("\"causeEventId\"\\s*:\\s*\"([^\"]+)\"");

	private AlertBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "fold";
		Path work = Files.createTempDirectory("stancewatch-bench-");
		TestInfrastructure.Database database = TestInfrastructure.newDatabase();
		String kafka = TestInfrastructure.kafkaBootstrapServers();
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "DATABASE_URL", database.url(),
				"DATABASE_USER", database.username(), "DATABASE_PASSWORD", database.password(), "ALERT_ADMIN_KEY",
				"bench-admin");
		List<String> jvm = new ArrayList<>(
				List.of("-Xmx512m", "-XX:+UseG1GC", "-Dstancewatch.alert.allow-private-addresses=true"));
		// The service's defaults unless asked: the worker is woken when deliveries commit
		String pollInterval = System.getProperty("pollInterval");
		if (pollInterval != null) {
			jvm.add("-Dstancewatch.alert.delivery.poll-interval=" + pollInterval);
		}
		// Further settings for the service, e.g.
		// -DserviceOptions=-Dstancewatch.alert.delivery.concurrency=16
		jvm.addAll(Arrays.stream(System.getProperty("serviceOptions", "").split(" "))
			.filter((o) -> !o.isBlank())
			.toList());
		int port = ServiceProcess.freePort();
		try (ServiceProcess service = ServiceProcess.start(JAR, jvm, environment, port, work.resolve("alert.log"));
				Receiver receiver = new Receiver();
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 5),
						new StringSerializer(), new StringSerializer())) {
			switch (mode) {
				case "fold" -> fold(service, producer);
				case "fanout" -> fanout(service, receiver, producer);
				case "latency" -> latency(service, receiver, producer);
				default -> throw new IllegalArgumentException("Unknown mode " + mode + "; use fold, fanout or latency");
			}
		}
		System.exit(0);
	}

	private static void fold(ServiceProcess service, KafkaProducer<String, String> producer) {
		int changes = Integer.getInteger("changes", 20_000);
		List<String> states = STATES.subList(0, Integer.getInteger("states", STATES.size()));
		Action[] actions = { Action.SIGN_AGREEMENT, Action.PRAISE, Action.ACCEPT_DIPLOMATS, Action.DELIST_TERRORIST,
				Action.CONDEMN, Action.IMPOSE_SANCTIONS, Action.OPEN_EMBASSY, Action.LIFT_SANCTIONS };
		Instant started = Instant.now();
		for (int i = 0; i < changes; i++) {
			String actor = states.get(i % states.size());
			send(producer, change("fold-" + i, actor, actions[(i / states.size()) % actions.length],
					LocalDate.now().minusDays((i / states.size()) % 60)));
		}
		producer.flush();
		System.out.printf("%d relation changes over %d states published in %.1f s%n", changes, states.size(),
				seconds(started));
		while (metric(service, "stancewatch.alert.events.consumed") < changes) {
			Sleep.millis(200);
		}
		double took = seconds(started);
		System.out.printf("RESULT fold: %d relation changes consumed and folded in %.1f s: %.0f changes/s%n", changes,
				took, changes / took);
	}

	private static void fanout(ServiceProcess service, Receiver receiver, KafkaProducer<String, String> producer) {
		int subscriptions = Integer.getInteger("subscriptions", 50);
		int shifts = Integer.getInteger("shifts", 20);
		String key = subscriber(service);
		for (int i = 0; i < subscriptions; i++) {
			service.post("/api/subscriptions", key,
					"{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}");
		}
		Instant started = Instant.now();
		for (int i = 0; i < shifts; i++) {
			send(producer, change("fanout-" + i, STATES.get(i), Action.RECOGNIZE_GOVERNMENT, LocalDate.now()));
		}
		producer.flush();
		int expected = subscriptions * shifts;
		Instant deadline = Instant.now().plusSeconds(300);
		while (receiver.count() < expected && Instant.now().isBefore(deadline)) {
			Sleep.millis(100);
		}
		double took = Duration.between(receiver.first(), receiver.last()).toMillis() / 1000.0;
		System.out.printf(
				"RESULT fanout: %d of %d deliveries received; %.0f deliveries/s from the first to the last "
						+ "(%.1f s after the first change was sent)%n",
				receiver.count(), expected, receiver.count() / took, seconds(started));
	}

	private static void latency(ServiceProcess service, Receiver receiver, KafkaProducer<String, String> producer) {
		int rate = Integer.getInteger("rate", 50);
		int seconds = Integer.getInteger("seconds", 60);
		String key = subscriber(service);
		service.post("/api/subscriptions", key,
				"{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + receiver.url() + "\"}}");
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		int shifts = 0;
		for (int i = 0; i < rate * seconds; i++) {
			Sleep.until(start + i * interval);
			RelationChange change;
			if (i % 16 == 0 && shifts < STATES.size()) {
				change = change("latency-shift-" + i, STATES.get(shifts++), Action.RECOGNIZE_GOVERNMENT,
						LocalDate.now());
				if (i >= rate * WARM_UP_SECONDS) {
					sentAt.put(change.eventId(), System.nanoTime());
				}
			}
			else {
				change = change("latency-noise-" + i, STATES.get(i % STATES.size()), Action.PRAISE, LocalDate.now());
			}
			send(producer, change);
		}
		producer.flush();
		Instant deadline = Instant.now().plusSeconds(60);
		while (receiver.count() < shifts && Instant.now().isBefore(deadline)) {
			Sleep.millis(100);
		}
		List<Long> millis = new ArrayList<>();
		receiver.arrivals().forEach((event, at) -> {
			Long sent = sentAt.get(event);
			if (sent != null) {
				millis.add((at - sent) / 1_000_000);
			}
		});
		millis.sort(Long::compare);
		System.out.printf(
				"RESULT latency: %d changes/s for %d s, %d shifts, the first %d s untimed; change sent to webhook "
						+ "received: p50 %d ms, p99 %d ms, max %d ms (%d timed; %d of %d shifts received)%n",
				rate, seconds, shifts, WARM_UP_SECONDS, percentile(millis, 50), percentile(millis, 99),
				millis.isEmpty() ? 0 : millis.get(millis.size() - 1), millis.size(), receiver.count(), shifts);
	}

	private static RelationChange change(String id, String actor, Action action, LocalDate on) {
		return change(id, actor, action, on, "bench.example.org", Instant.now());
	}

	/**
	 * A completed, day-precise act of the actor toward Kabul, as extract-service reports
	 * it.
	 */
	static RelationChange change(String id, String actor, Action action, LocalDate on, String site, Instant published) {
		String evidence = "A benchmark report of " + actor + " taking a step toward the authorities in Kabul.";
		return new RelationChange(id, "article-" + id, "https://" + site + "/" + id, "Report " + id, site, published,
				null, actor, "AF", action, action.direction(), Status.COMPLETED, on, DatePrecision.DAY, false, evidence,
				0, evidence.length(), 0.9, "stancewatch-rules/1.0.0");
	}

	private static void send(KafkaProducer<String, String> producer, RelationChange change) {
		String dyad = change.dyad().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RELATION_CHANGES, dyad,
				EventJson.writeString(change));
		CloudEvent.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service", Instant.now(), dyad)
			.toHeaders()
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		producer.send(record);
	}

	private static String subscriber(ServiceProcess service) {
		String created = service.post("/api/subscribers", "bench-admin", "{\"name\":\"benchmark\"}");
		Matcher key = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
		if (!key.find()) {
			throw new IllegalStateException("No API key in " + created);
		}
		return key.group(1);
	}

	private static double metric(ServiceProcess service, String name) {
		Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)")
			.matcher(service.get("/actuator/metrics/" + name));
		return value.find() ? Double.parseDouble(value.group(1)) : 0;
	}

	private static long percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static double seconds(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
	}

	/**
	 * A webhook receiver on loopback that answers 204 and notes when each alert arrived.
	 */
	private static final class Receiver implements AutoCloseable {

		private final HttpServer server;

		private final AtomicLong count = new AtomicLong();

		private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

		private volatile Instant first;

		private volatile Instant last;

		Receiver() {
			try {
				this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.setExecutor(Executors.newFixedThreadPool(8));
			this.server.createContext("/", (exchange) -> {
				long now = System.nanoTime();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Matcher cause = CAUSE.matcher(body);
				if (cause.find()) {
					this.arrivals.putIfAbsent(cause.group(1), now);
				}
				if (this.first == null) {
					this.first = Instant.now();
				}
				this.last = Instant.now();
				this.count.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		long count() {
			return this.count.get();
		}

		Instant first() {
			return this.first;
		}

		Instant last() {
			return this.last;
		}

		Map<String, Long> arrivals() {
			return this.arrivals;
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
