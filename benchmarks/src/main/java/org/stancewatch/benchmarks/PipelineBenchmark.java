package org.stancewatch.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.Stack;
import org.stancewatch.testsupport.TestInfrastructure.Database;

/**
 * The whole pipeline from outside, every part its own process (the {@link Stack}): feeds
 * on loopback, ingest, extract, alert, a webhook receiver.
 * <ul>
 * <li>throughput: {@code feeds} feeds of {@code items} articles each (default 400 x 100),
 * every article reporting an act; from registering the feeds to the last relation change
 * stored in alert's event store, articles per second.</li>
 * <li>realistic: as many articles again, but as news feeds carry them
 * ({@link ArticleCorpus}: full text of about 4 KB, a third reporting acts); until extract
 * has read every one and alert has stored every relation change made of them, articles
 * per second.</li>
 * <li>latency: articles POSTed to ingest at {@code rate}/s (default 100) for
 * {@code warmup} s (default 120) untimed, then {@code seconds} s (default 60) timed; one
 * in every ~50 shifts a state's stance; from ingest's answer (the article and its outbox
 * row committed) to the webhook's arrival, p50 and p99.</li>
 * <li>kafka: on the same broker in the same run, 1 KB records from a producer to a
 * read-committed consumer: records/s for 100,000 records, and p50/p99 latency at 1,000
 * records/s.</li>
 * </ul>
 * Run from the repository root after
 * {@code ./mvnw -B -pl ingest-service,extract-service,alert-service,benchmarks -am package -DskipTests}:
 * {@code java -cp "$(cat cp.txt):benchmarks/target/classes:test-support/target/classes:contracts/target/classes" org.stancewatch.benchmarks.PipelineBenchmark}
 * with {@code cp.txt} from
 * {@code ./mvnw -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class PipelineBenchmark {

	/** States whose name, as the JDK spells it in English, the shipped rules read. */
	private static final List<String> STATES = List.of(("AD,AE,AL,AM,AO,AR,AT,AU,AZ,BB,BD,BE,BF,BG,BH,BI,BJ,BN,BO,"
			+ "BR,BS,BT,BW,BY,BZ,CA,CF,CH,CL,CM,CN,CO,CR,CU,CV,CY,CZ,DE,DJ,DK,DM,DO,DZ,EC,EE,EG,ER,ES,ET,FI,FJ,FM,"
			+ "FR,GA,GB,GD,GE,GH,GM,GN,GQ,GR,GT,GY,HN,HR,HT,HU,ID,IE,IL,IN,IQ,IR,IS,IT,JM,JO,JP,KE,KG,KH,KI,KM,KP,"
			+ "KR,KW,KZ,LA,LB,LI,LK,LR,LS,LT,LU,LV,LY,MA,MC,MD,ME,MG,MH,MK,ML,MN,MR,MT,MU,MV,MW,MX,MY,MZ,NA,NE,NG,"
			+ "NI,NL,NO,NP,NR,NZ,OM,PA,PE,PG,PH,PK,PL,PT,PW,PY,QA,RO,RS,RU,RW,SA,SB,SC,SD,SE,SG,SI,SK,SL,SM,SN,SO,"
			+ "SR,SS,SV,SY,SZ,TD,TG,TH,TJ,TM,TN,TO,TR,TV,TZ,UA,UG,US,UY,UZ,VE,VN,VU,WS,YE,ZA,ZM,ZW")
		.split(","));

	/**
	 * Untimed seconds at the rate before the timed ones: three JVMs compiling their hot
	 * paths at once on two cores fall behind for the first minute or so, and that backlog
	 * is start-up, not the pipeline's latency (docs/benchmarks.md shows it per hop).
	 */
	private static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 120);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

	private PipelineBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int feeds = Integer.getInteger("feeds", 400);
		int items = Integer.getInteger("items", 100);
		int rate = Integer.getInteger("rate", 100);
		int seconds = Integer.getInteger("seconds", 60);
		List<String> phases = List.of(System.getProperty("phases", "latency,throughput,realistic,kafka").split(","));
		Path work = Stack.newWorkDirectory();
		Map<Stack.Service, Map<String, String>> settings = new EnumMap<>(Stack.Service.class);
		settings.put(Stack.Service.INGEST, new HashMap<>(Map.of("STANCEWATCH_INGEST_POLL_THREADS", "64")));
		settings.put(Stack.Service.EXTRACT, new HashMap<>());
		settings.put(Stack.Service.ALERT, new HashMap<>());
		System.out.println("Settings beyond the defaults: " + settings);
		// -Dprofile=ingest,alert records a JFR profile of those services in the work
		// directory.
		for (String service : System.getProperty("profile", "").split(",")) {
			if (!service.isBlank()) {
				settings.get(Stack.Service.valueOf(service.toUpperCase(Locale.ROOT)))
					.put("JAVA_TOOL_OPTIONS",
							"-XX:StartFlightRecording=settings=profile,filename=" + work.resolve(service + ".jfr"));
			}
		}
		try (Stack stack = Stack.start(Stack.repositoryRoot(), work, settings); WebhookSink sink = new WebhookSink()) {
			System.out.println("Logs in " + stack.work());
			if (Boolean.getBoolean("statements")) {
				StatementProfile.enable(stack.postgres(), List.of(stack.alertDatabase(), stack.ingestDatabase()));
			}
			// Latency first: the throughput feeds move every state, after which the
			// latency acts would shift nothing.
			if (phases.contains("latency")) {
				latency(stack, sink, rate, seconds);
			}
			if (phases.contains("throughput")) {
				throughput(stack, feeds, items);
			}
			if (phases.contains("realistic")) {
				realistic(stack, feeds, items);
			}
			// Raw Kafka last: its 100 MB of writes, still being flushed, would slow the
			// pipeline's disk-bound commits measured after it.
			if (phases.contains("kafka")) {
				kafka(stack.broker().bootstrapServers());
			}
		}
		System.exit(0);
	}

	private static void throughput(Stack stack, int feeds, int items) throws Exception {
		long stored = eventsStored(stack.alertDatabase());
		try (Feeds server = new Feeds(feeds, items, (feed, i) -> actReport(feed, i, items))) {
			CpuUse cpuBefore = CpuUse.now(stack.work().resolve("postgres"));
			if (Boolean.getBoolean("statements")) {
				StatementProfile.reset(stack.alertDatabase());
			}
			long started = System.nanoTime();
			server.register(stack, "Desk");
			long expected = stored + (long) feeds * items;
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			long now = stored;
			while (now < expected && System.nanoTime() < deadline) {
				Sleep.millis(200);
				now = eventsStored(stack.alertDatabase());
			}
			double took = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT,
					"RESULT pipeline throughput: %d feeds x %d articles, each with one act; %d of %d relation changes "
							+ "stored by alert in %.1f s: %.0f articles/s from feed registration to alert%n",
					feeds, items, now - stored, expected - stored, took, (now - stored) / took);
			System.out.println("RESULT pipeline "
					+ CpuUse.now(stack.work().resolve("postgres")).perUnitSince(cpuBefore, now - stored, "article"));
			if (Boolean.getBoolean("statements")) {
				StatementProfile.print(stack.alertDatabase(), now - stored);
			}
		}
	}

	private static void latency(Stack stack, WebhookSink sink, int rate, int seconds) throws Exception {
		String key = field(stack.alert().post("/api/subscribers", Stack.ADMIN_KEY, "{\"name\":\"benchmark\"}"),
				"apiKey");
		stack.alert()
			.post("/api/subscriptions", key, "{\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"" + sink.url() + "\"}}");
		List<String[]> articles = latencyArticles(rate * (WARM_UP_SECONDS + seconds));
		Map<String, Long> committedAt = new ConcurrentHashMap<>();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		Map<Double, Long> foldedBeforeTimed = Map.of();
		CpuUse cpuBeforeTimed = null;
		TopicArrivals topics = new TopicArrivals(stack.broker().bootstrapServers());
		for (int i = 0; i < articles.size(); i++) {
			Sleep.until(start + i * interval);
			String[] article = articles.get(i);
			boolean timed = i >= rate * WARM_UP_SECONDS;
			if (i == rate * WARM_UP_SECONDS) {
				foldedBeforeTimed = FoldLatency.read(stack.alert());
				cpuBeforeTimed = CpuUse.now(stack.work().resolve("postgres"));
				if (Boolean.getBoolean("statements")) {
					StatementProfile.reset(stack.alertDatabase());
				}
			}
			senders.execute(() -> {
				stack.ingest().post("/api/articles", "", article[1]);
				if (timed) {
					committedAt.put(article[0], System.nanoTime());
				}
			});
		}
		long behind = (System.nanoTime() - start) / 1_000_000 - (long) (WARM_UP_SECONDS + seconds) * 1000;
		String cpuTimed = CpuUse.now(stack.work().resolve("postgres"))
			.perUnitSince(cpuBeforeTimed, (long) rate * seconds, "article");
		senders.shutdown();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int shifts = STATES.size();
		while (sink.arrivals().size() < shifts && System.nanoTime() < deadline) {
			Sleep.millis(100);
		}
		List<Long> millis = TopicArrivals.millisBetween(committedAt.keySet(), committedAt, sink.arrivals());
		System.out.printf(Locale.ROOT,
				"RESULT pipeline latency: %d articles/s POSTed for %d s (sender %d ms behind at the end), %d shifts "
						+ "expected, %d webhooks received; ingest commit to webhook received: p50 %d ms, p99 %d ms, "
						+ "max %d ms (%d timed, the first %d s untimed)%n",
				rate, WARM_UP_SECONDS + seconds, behind, shifts, sink.arrivals().size(), percentile(millis, 50),
				percentile(millis, 99), millis.isEmpty() ? 0 : millis.get(millis.size() - 1), millis.size(),
				WARM_UP_SECONDS);
		System.out.println("RESULT pipeline latency, timed window: " + cpuTimed);
		if (Boolean.getBoolean("statements")) {
			StatementProfile.print(stack.alertDatabase(), (long) rate * seconds);
		}
		System.out.println("RESULT pipeline latency, every relation change of the timed articles, "
				+ FoldLatency.since(foldedBeforeTimed, FoldLatency.read(stack.alert())));
		topics.close();
		printHops(topics, committedAt, sink.arrivals());
	}

	/**
	 * The latency of the timed articles split at the topics between the services. alert
	 * delivers a shift from its database and publishes it through its outbox side by
	 * side: the shift topic is not on the webhook's path, so alert's hop ends at the
	 * webhook.
	 */
	private static void printHops(TopicArrivals topics, Map<String, Long> committedAt, Map<String, Long> webhooks) {
		Map<String, Long> articles = topics.on(Topics.ARTICLES);
		Map<String, Long> changes = topics.on(Topics.RELATION_CHANGES);
		Set<String> shifted = new HashSet<>(committedAt.keySet());
		shifted.retainAll(webhooks.keySet());
		System.out.println("RESULT pipeline latency by hop, timed articles, each topic read committed:");
		System.out.println("  " + TopicArrivals.hop("ingest commit to articles topic (ingest's relay)",
				committedAt.keySet(), committedAt, articles));
		System.out.println("  " + TopicArrivals.hop("articles topic to relation-changes topic (extract)",
				committedAt.keySet(), articles, changes));
		System.out.println("  "
				+ TopicArrivals.hop("relation-changes topic to webhook received (alert)", shifted, changes, webhooks));
	}

	/**
	 * {@code count} articles as [title, JSON body]: every state accepts Kabul's
	 * ambassador once (a shift), spread evenly through the run; a third of the rest
	 * repeat an act already reported (corroboration), the others report nothing.
	 */
	private static List<String[]> latencyArticles(int count) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<String[]> articles = new ArrayList<>();
		int shifts = STATES.size();
		int spacing = Math.max(1, count / shifts);
		Random random = new Random(11);
		for (int i = 0; i < count; i++) {
			String url = "https://latency.example.org/" + i;
			String sentence;
			int shifted = Math.min(shifts, i / spacing);
			if (i % spacing == 0 && i / spacing < shifts) {
				sentence = act(STATES.get(i / spacing), true, today);
			}
			else if (i % 3 == 0 && shifted > 0) {
				// Another outlet reports an act already known: a source more, no new
				// shift.
				sentence = act(STATES.get(random.nextInt(shifted)), true, today);
			}
			else {
				sentence = "Traders in the northern markets said prices held steady, report " + i + ".";
			}
			String text = "A correspondent filed dispatch " + i + ". " + sentence
					+ " Officials gave no further details on the matter.";
			articles.add(new String[] { "Dispatch " + i,
					"{\"url\":\"" + url + "\",\"title\":\"Dispatch " + i + "\",\"text\":\"" + text
							+ "\",\"publishedAt\":\"" + today.atStartOfDay().toInstant(ZoneOffset.UTC) + "\"}" });
		}
		return articles;
	}

	private static String act(String state, boolean warming, LocalDate today) {
		String name = new Locale.Builder().setRegion(state).build().getDisplayCountry(Locale.ENGLISH);
		return warming
				? name + " accepted the credentials of the Taliban ambassador on " + DAY.format(today.minusDays(6))
						+ ", officials said."
				: "On " + DAY.format(today.minusDays(2)) + ", " + name
						+ " imposed new sanctions on senior Taliban leaders.";
	}

	/** Raw Kafka on the same broker: what the pipeline's figures compare with. */
	private static void kafka(String bootstrap) throws Exception {
		String topic = "bench.raw." + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
		}
		String value = "x".repeat(1024);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new StringSerializer());
				KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
			int records = 100_000;
			long started = System.nanoTime();
			for (int i = 0; i < records; i++) {
				producer.send(new ProducerRecord<>(topic, Integer.toString(i), value));
			}
			producer.flush();
			int read = 0;
			while (read < records) {
				read += consumer.poll(Duration.ofMillis(200)).count();
			}
			double took = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT,
					"RESULT kafka throughput: %d records of 1 KB, acks=all, producer to read-committed consumer in "
							+ "%.1f s: %.0f records/s%n",
					records, took, records / took);

			int rate = 1000;
			int count = rate * 20;
			List<Long> millis = new ArrayList<>();
			long interval = 1_000_000_000L / rate;
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				while (System.nanoTime() < start + i * interval) {
					drain(consumer, millis, Duration.ZERO, rate);
				}
				producer.send(new ProducerRecord<>(topic, Long.toString(System.nanoTime()), value));
			}
			producer.flush();
			while (millis.size() < count - rate * 2) {
				drain(consumer, millis, Duration.ofMillis(100), rate);
			}
			Collections.sort(millis);
			System.out.printf(Locale.ROOT,
					"RESULT kafka latency: %d records/s of 1 KB for 20 s, send to read-committed receive: p50 %d ms, "
							+ "p99 %d ms (%d timed, the first 2 s untimed)%n",
					rate, percentile(millis, 50), percentile(millis, 99), millis.size());
		}
	}

	private static int received;

	private static void drain(KafkaConsumer<String, String> consumer, List<Long> millis, Duration timeout, int rate) {
		for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
			if (received++ >= rate * 2) {
				millis.add((System.nanoTime() - Long.parseLong(record.key())) / 1_000_000);
			}
		}
	}

	private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
						ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((p) -> new TopicPartition(topic, p.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		consumer.poll(Duration.ZERO);
		return consumer;
	}

	private static long eventsStored(Database database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM relation_change_event")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			// Flyway may not have created the table yet.
			return 0;
		}
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile(JSON_STRING.pattern().formatted(name)).matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static long percentile(List<Long> sorted, int percent) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

	/**
	 * Item {@code i} of throughput feed {@code feed}: a short report that one state
	 * accepted Kabul's ambassador, the state cycling through {@link #STATES}.
	 */
	private static String actReport(int feed, int i, int items) {
		String day = DAY.format(LocalDate.now(ZoneOffset.UTC).minusDays(3));
		String published = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		String state = STATES.get((feed * items + i) % STATES.size());
		String name = new Locale.Builder().setRegion(state).build().getDisplayCountry(Locale.ENGLISH);
		String link = "http://desk" + feed + ".example.org/story/" + i;
		return "<item><guid>" + link + "</guid><link>" + link + "</link><title>Desk " + feed + " report " + i
				+ "</title><description>Desk " + feed + " filed report " + i + ". " + name
				+ " accepted the credentials of the Taliban ambassador on " + day
				+ ", officials said. Traders said markets were calm.</description><pubDate>" + published
				+ "</pubDate></item>";
	}

	/**
	 * Articles as real feeds carry them ({@link ArticleCorpus}: about 4 KB of text each,
	 * a third reporting acts of states, the others none): until extract has read them all
	 * and alert has stored every relation change extract made of them.
	 */
	private static void realistic(Stack stack, int feeds, int items) throws Exception {
		long stored = eventsStored(stack.alertDatabase());
		double readBefore = extractCounter(stack, "stancewatch_extract_articles_total");
		double madeBefore = extractCounter(stack, "stancewatch_extract_relation_changes_total");
		List<Article> corpus = ArticleCorpus.generate(feeds * items, 11);
		try (Feeds server = new Feeds(feeds, items,
				(feed, i) -> BenchmarkFeeds.fullTextItem(corpus.get(feed * items + i)))) {
			CpuUse cpuBefore = CpuUse.now(stack.work().resolve("postgres"));
			if (Boolean.getBoolean("statements")) {
				StatementProfile.reset(stack.alertDatabase());
			}
			long started = System.nanoTime();
			server.register(stack, "Wire");
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			double read = 0;
			while (read < corpus.size() && System.nanoTime() < deadline) {
				Sleep.millis(200);
				read = extractCounter(stack, "stancewatch_extract_articles_total") - readBefore;
			}
			long made = Math.round(extractCounter(stack, "stancewatch_extract_relation_changes_total") - madeBefore);
			long now = stored;
			while (now < stored + made && System.nanoTime() < deadline) {
				Sleep.millis(200);
				now = eventsStored(stack.alertDatabase());
			}
			double took = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT,
					"RESULT pipeline throughput, realistic articles: %d feeds x %d articles of about 4 KB; extract read "
							+ "%.0f and made %d relation changes, %d stored by alert, in %.1f s: %.0f articles/s from "
							+ "feed registration to alert%n",
					feeds, items, read, made, now - stored, took, read / took);
			System.out.println("RESULT pipeline, realistic articles, " + CpuUse.now(stack.work().resolve("postgres"))
				.perUnitSince(cpuBefore, Math.round(read), "article"));
			if (Boolean.getBoolean("statements")) {
				StatementProfile.print(stack.alertDatabase(), Math.round(read));
			}
		}
	}

	private static double extractCounter(Stack stack, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+]+)$")
			.matcher(stack.extract().get("/actuator/prometheus"));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	/**
	 * Feeds of many articles on many loopback hosts (the poller fetches one feed per host
	 * at a time, as on the web): feed {@code f} serves {@code items} items, item
	 * {@code i} written by {@code item.apply(f, i)}.
	 */
	private static final class Feeds implements AutoCloseable {

		private static final int HOSTS = 20;

		private final List<HttpServer> servers = new ArrayList<>();

		private final ExecutorService executor = Executors.newFixedThreadPool(8);

		private final int feeds;

		private final int items;

		private final BiFunction<Integer, Integer, String> item;

		private final int port;

		Feeds(int feeds, int items, BiFunction<Integer, Integer, String> item) throws IOException {
			this.feeds = feeds;
			this.items = items;
			this.item = item;
			int chosen = 0;
			for (int i = 1; i <= HOSTS; i++) {
				HttpServer server = HttpServer
					.create(new InetSocketAddress(InetAddress.getByName("127.0.2." + i), chosen), 256);
				chosen = server.getAddress().getPort();
				server.createContext("/feed/", this::serve);
				server.setExecutor(this.executor);
				server.start();
				this.servers.add(server);
			}
			this.port = chosen;
		}

		String url(int feed) {
			return "http://127.0.2." + (feed % HOSTS + 1) + ":" + this.port + "/feed/" + feed;
		}

		/** Registers every feed with ingest, titled {@code title} and its number. */
		void register(Stack stack, String title) {
			for (int feed = 0; feed < this.feeds; feed++) {
				stack.ingest()
					.post("/api/feeds", "", "{\"url\":\"" + url(feed) + "\",\"title\":\"" + title + " " + feed
							+ "\",\"pollInterval\":\"PT1H\",\"fetchFullText\":false}");
			}
		}

		private void serve(HttpExchange exchange) throws IOException {
			int feed = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feed/".length()));
			byte[] body = BenchmarkFeeds.rss(feed,
					IntStream.range(0, this.items).mapToObj((i) -> this.item.apply(feed, i)).toList());
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

		@Override
		public void close() {
			this.servers.forEach((server) -> server.stop(0));
			this.executor.shutdownNow();
		}

	}

	/**
	 * A webhook endpoint that notes when the first alert for each causing article arrived
	 * (the article is the shift's first source).
	 */
	private static final class WebhookSink implements AutoCloseable {

		private static final Pattern FIRST_SOURCE = Pattern
			.compile("\"sources\"\\s*:\\s*\\[\\s*\\{[^}]*\"title\"\\s*:\\s*\"([^\"]+)\"");

		private final HttpServer server;

		private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

		WebhookSink() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
			this.server.createContext("/hook", this::receive);
			this.server.setExecutor(Executors.newFixedThreadPool(8));
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		Map<String, Long> arrivals() {
			return this.arrivals;
		}

		private void receive(HttpExchange exchange) throws IOException {
			long now = System.nanoTime();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Matcher source = FIRST_SOURCE.matcher(body);
			if (source.find()) {
				this.arrivals.putIfAbsent(source.group(1), now);
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
