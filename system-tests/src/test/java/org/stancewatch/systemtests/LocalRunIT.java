package org.stancewatch.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.stancewatch.testsupport.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's two commands, run as a newcomer runs them: {@code deploy/local/up.sh}
 * starts the broker, PostgreSQL, the three service jars, the demo feeds and the demo
 * receiver; alerts arrive with valid signatures; a second up.sh changes nothing; and
 * {@code deploy/local/down.sh} stops every process up.sh started.
 *
 * <p>
 * The jars are built by the reactor before this module, so the data folder is given a
 * build stamp and up.sh does not build them again. Every port is a free one, so a
 * developer's own local run is left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunIT {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> env = new HashMap<>();

	private Path data;

	private int alertPort;

	private String firstOutput;

	@BeforeAll
	void upSh() throws Exception {
		// The PostgreSQL server runs as the postgres user when we are root: it must reach
		// the folder.
		this.data = Files.createTempDirectory("stancewatch-local-run",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.createFile(this.data.resolve("build.stamp"));
		this.alertPort = ServiceProcess.freePort();
		this.env.put("STANCEWATCH_DATA", this.data.toString());
		this.env.put("ALERT_PORT", Integer.toString(this.alertPort));
		this.env.put("INGEST_PORT", Integer.toString(ServiceProcess.freePort()));
		this.env.put("EXTRACT_PORT", Integer.toString(ServiceProcess.freePort()));
		this.env.put("FEEDS_PORT", Integer.toString(ServiceProcess.freePort()));
		this.env.put("RECEIVER_PORT", Integer.toString(ServiceProcess.freePort()));
		this.env.put("KAFKA_PORT", Integer.toString(freePortPair()));
		this.env.put("PG_PORT", Integer.toString(ServiceProcess.freePort()));
		// The whole story at once: this test checks where it ends, not the pace.
		this.env.put("DEMO_SECONDS_PER_MONTH", "0");
		Result up = run("deploy/local/up.sh");
		this.firstOutput = up.output();
		assertThat(up.exitCode()).as(up.output()).isZero();
	}

	@AfterAll
	void downSh() throws Exception {
		if (this.data != null) {
			run("deploy/local/down.sh");
			try (Stream<Path> files = Files.walk(this.data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	@Order(1)
	void shouldPrintTheAddressesAndTheAdminKey() throws Exception {
		String adminKey = Files.readString(this.data.resolve("admin.key")).strip();
		assertThat(adminKey).hasSizeGreaterThanOrEqualTo(32);
		assertThat(this.firstOutput).contains("dashboard     http://localhost:" + this.alertPort + "/")
			.contains("admin key     " + adminKey)
			.contains("Service jars are up to date")
			.contains("registered");
		assertThat(get("/").body()).contains("<title>stancewatch</title>");
	}

	@Test
	@Order(2)
	void shouldFoldTheDemoStoryAndDeliverSignedAlerts() throws Exception {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			String stances = get("/api/stances").body();
			assertThat(stances).contains("\"actor\":\"AU\",\"target\":\"AF\",\"level\":\"HOSTILE\"")
				.contains("\"actor\":\"KZ\",\"target\":\"AF\",\"level\":\"NORMALIZED\"")
				.contains("\"actor\":\"UZ\",\"target\":\"AF\",\"level\":\"NORMALIZED\"");
		});
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(receiverLog()).contains("signature ok")
				.contains("Australia's stance toward the government of Afghanistan moved from DISTANT to HOSTILE."));
		// The receiver's own failure lines (an act such as DELIST_TERRORIST contains
		// "ERROR").
		assertThat(receiverLog().lines()).noneMatch((line) -> line.startsWith("REJECTED") || line.startsWith("ERROR "));
		assertThat(get("/api/stances/KZ").body()).as("the syndicated copy is a report, not a source")
			.contains("\"reports\":2");
	}

	@Test
	@Order(3)
	void shouldChangeNothingWhenStartedAgain() throws Exception {
		Map<String, String> before = pids();
		// From a new shell, which has not set the ports: up.sh must say where it really
		// runs.
		Map<String, String> newShell = new HashMap<>(this.env);
		newShell.keySet().removeIf((name) -> name.endsWith("_PORT"));

		Result again = run("deploy/local/up.sh", newShell);

		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("stancewatch is already running")
			.contains("Nothing was changed")
			.contains("dashboard     http://localhost:" + this.alertPort + "/")
			.contains("ingest API    http://localhost:" + this.env.get("INGEST_PORT") + "/api/feeds")
			.doesNotContain("localhost:8080");
		assertThat(pids()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void shouldStopExactlyWhatItStarted() throws Exception {
		Map<String, String> started = pids();
		assertThat(started).containsOnlyKeys("ingest-service", "extract-service", "alert-service", "demo-feeds",
				"demo-receiver");
		List<ProcessHandle> processes = started.values()
			.stream()
			.map((pid) -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
			.toList();

		Result down = run("deploy/local/down.sh");

		assertThat(down.exitCode()).as(down.output()).isZero();
		assertThat(processes).noneMatch(ProcessHandle::isAlive);
		assertThat(down.output()).contains("Kafka stopped").contains("PostgreSQL stopped");
		assertThat(pids()).isEmpty();
	}

	private String receiverLog() throws IOException {
		return Files.readString(this.data.resolve("logs/demo-receiver.log"));
	}

	private Map<String, String> pids() throws IOException {
		Map<String, String> pids = new HashMap<>();
		try (Stream<Path> files = Files.list(this.data.resolve("pids"))) {
			for (Path file : files.toList()) {
				pids.put(file.getFileName().toString().replace(".pid", ""), Files.readString(file).strip());
			}
		}
		return pids;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.alertPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private Result run(String script) throws IOException, InterruptedException {
		return run(script, this.env);
	}

	private Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.data.getParent(), "local-run-", ".log");
		ProcessBuilder builder = new ProcessBuilder(ROOT.resolve(script).toString()).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(script + " did not finish within 6 minutes:\n" + Files.readString(log));
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		System.out.println(output);
		return new Result(process.exitValue(), output);
	}

	/**
	 * A free port whose next one is free too: the broker's listener and its controller.
	 */
	private static int freePortPair() {
		for (int i = 0; i < 20; i++) {
			int port = ServiceProcess.freePort();
			try (java.net.ServerSocket next = new java.net.ServerSocket(port + 1)) {
				return port;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("No two free ports in a row");
	}

	private record Result(int exitCode, String output) {
	}

}
