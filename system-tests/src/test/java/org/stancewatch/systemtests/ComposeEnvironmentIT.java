package org.stancewatch.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.testsupport.KafkaBrokerProcess;
import org.stancewatch.testsupport.PostgresProcess;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.Stack;
import org.stancewatch.testsupport.Stack.Service;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose stack without Docker: the three service jars run with exactly the
 * environment docker-compose.yml gives their containers (interpolated from .env.example),
 * the compose host names mapped to a real broker and a real PostgreSQL server, and the
 * database prepared by the same init script the postgres container runs. They must start,
 * become ready, pass an article through, log JSON and expose the dashboard's metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeEnvironmentIT {

	private static final Path ROOT = Stack.repositoryRoot();

	private static final ComposeFile compose = ComposeFile.load();

	private static final Map<String, Service> SERVICES = Map.of("ingest-service", Service.INGEST, "extract-service",
			Service.EXTRACT, "alert-service", Service.ALERT);

	private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

	private static Path work;

	private static KafkaBrokerProcess broker;

	private static PostgresProcess postgres;

	private static final Map<String, ServiceProcess> running = new LinkedHashMap<>();

	@BeforeAll
	static void startTheStackAsComposeWould() throws Exception {
		work = Stack.newWorkDirectory();
		broker = new KafkaBrokerProcess().start();
		postgres = new PostgresProcess(work.resolve("postgres")).start();
		runPostgresInitScript();
		// The order depends_on gives: extract waits for ingest, which creates the
		// articles
		// topic.
		for (String service : List.of("ingest-service", "extract-service", "alert-service")) {
			running.put(service, ServiceProcess.start(SERVICES.get(service).jar(ROOT), JVM, environmentOf(service),
					ServiceProcess.freePort(), work.resolve(service + ".log")));
		}
	}

	@AfterAll
	static void stopEverything() {
		List<ServiceProcess> services = new ArrayList<>(running.values());
		Collections.reverse(services);
		services.forEach(ServiceProcess::close);
		if (postgres != null) {
			postgres.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	@Order(1)
	void anArticlePostedToIngestMovesAStanceAtAlert() {
		Api.post(running.get("ingest-service").baseUrl() + "/api/articles", "",
				Map.of("url", "https://news.example.org/2026/astana-envoy", "title", "Astana receives an envoy", "text",
						"Kazakhstan accepted the credentials of the Taliban ambassador on Monday, "
								+ "the foreign ministry in Astana said."));

		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> level("KZ"), "NORMALIZED"::equals);
	}

	@Test
	@Order(2)
	void theDemoProfileImportsTheDemoStoryThroughTheRunningPipeline() throws Exception {
		JsonNode demoImport = compose.service("demo-import");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						Service.INGEST.jar(ROOT).toString()));
		demoImport.path("command").valueStream().map(JsonNode::asString).forEach(command::add);
		String[] volume = demoImport.path("volumes").get(0).asString().split(":");
		Path story = ROOT.resolve(volume[0]).normalize();
		command.replaceAll((argument) -> argument.equals(volume[1]) ? story.toString() : argument);
		long articles;
		try (var files = Files.list(story)) {
			articles = files.count();
		}
		assertThat(articles).as("articles in %s", story).isPositive();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("demo-import.log").toFile());
		builder.environment().putAll(mapHosts(compose.environment("demo-import")));
		Process process = builder.start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("exit status, see %s", work.resolve("demo-import.log")).isZero();

		// The running ingest-service relays them; extract reads them after the posted
		// one.
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> counter("extract-service", "stancewatch_extract_articles_total"), (read) -> read >= articles);
	}

	@Test
	@Order(3)
	void theServicesConnectAsTheRoleTheInitScriptCreated() throws Exception {
		String role = compose.environment("ingest-service").get("DATABASE_USER");
		for (String database : List.of("stancewatch_ingest", "stancewatch_alert")) {
			try (Connection connection = DriverManager.getConnection(postgres.database(database).url(), "postgres", "");
					Statement statement = connection.createStatement();
					ResultSet owner = statement
						.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'flyway_schema_history'")) {
				assertThat(owner.next()).as("Flyway ran in %s", database).isTrue();
				assertThat(owner.getString(1)).isEqualTo(role);
			}
		}
	}

	@Test
	@Order(4)
	void everyContainerLogsStructuredJson() throws IOException {
		for (String service : running.keySet()) {
			List<String> lines = Files.readAllLines(work.resolve(service + ".log"));
			List<String> json = lines.stream().filter((line) -> line.startsWith("{")).toList();
			assertThat(json).as("JSON lines of %s", service).hasSizeGreaterThan(10);
			JsonNode first = EventJson.mapper().readTree(json.get(0));
			assertThat(first.has("@timestamp")).isTrue();
			assertThat(first.at("/service/name").asString()).isEqualTo(service);
			assertThat(first.at("/log/level").asString()).isNotBlank();
		}
	}

	@Test
	@Order(5)
	void theServicesExposeTheMetricsTheDashboardQueries() {
		Set<String> expected = new HashSet<>(ComposeObservabilityTests.dashboardMetrics());
		// Registered on first use: a feed poll and an alert delivery, which this run
		// makes none of (ComposeObservabilityTests finds them in the sources).
		expected.removeIf(
				(name) -> name.startsWith("stancewatch_ingest_polls_") || name.startsWith("stancewatch_alert_deliver"));
		assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
		// Micrometer binds a Kafka client's new metrics (such as a partition's lag, once
		// it is fetched) when it next looks, once a minute.
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(exposedMetrics()).containsAll(expected));
	}

	private static Set<String> exposedMetrics() {
		Set<String> exposed = new HashSet<>();
		running.values()
			.forEach((service) -> service.get("/actuator/prometheus")
				.lines()
				.filter((line) -> !line.startsWith("#") && !line.isBlank())
				.map((line) -> line.split("[{ ]", 2)[0])
				.forEach(exposed::add));
		return exposed;
	}

	private static double counter(String service, String name) {
		return running.get(service)
			.get("/actuator/prometheus")
			.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static String level(String actor) {
		return stance(actor).path("level").asString("");
	}

	private static JsonNode stance(String actor) {
		JsonNode stances = EventJson.mapper().readTree(running.get("alert-service").get("/api/stances"));
		return stances.valueStream()
			.filter((stance) -> stance.path("actor").asString().equals(actor))
			.findFirst()
			.orElse(EventJson.mapper().createObjectNode());
	}

	/**
	 * The compose environment of a service with the compose network's host names replaced
	 * by where the broker, the database and the mail catcher really are.
	 */
	private static Map<String, String> environmentOf(String service) {
		Map<String, String> environment = mapHosts(compose.environment(service));
		assertThat(environment.values()).noneMatch((value) -> value.matches(".*\\b(kafka|postgres|mailpit)\\b.*"));
		return environment;
	}

	private static Map<String, String> mapHosts(Map<String, String> environment) {
		Map<String, String> mapped = new LinkedHashMap<>();
		environment.forEach((name, value) -> mapped.put(name,
				value.replace("kafka:9092", broker.bootstrapServers())
					.replace("postgres:5432", "127.0.0.1:" + postgres.port())
					.replaceAll("^mailpit$", "127.0.0.1")));
		return mapped;
	}

	/**
	 * deploy/docker/postgres/10-stancewatch.sh with the postgres container's environment,
	 * run by bash and the machine's psql as the image's entrypoint runs it.
	 */
	private static void runPostgresInitScript() throws Exception {
		Path script = ROOT.resolve(compose.service("postgres")
			.path("volumes")
			.valueStream()
			.map(JsonNode::asString)
			.filter((volume) -> volume.contains("docker-entrypoint-initdb.d"))
			.findFirst()
			.orElseThrow()
			.split(":")[0]);
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(work.resolve("postgres-init.log").toFile());
		builder.environment().putAll(compose.environment("postgres"));
		builder.environment().put("POSTGRES_USER", "postgres");
		builder.environment().put("POSTGRES_DB", "postgres");
		builder.environment().put("PGHOST", "127.0.0.1");
		builder.environment().put("PGPORT", Integer.toString(postgres.port()));
		Process process = builder.start();
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("init script, see %s", work.resolve("postgres-init.log")).isZero();
	}

}
