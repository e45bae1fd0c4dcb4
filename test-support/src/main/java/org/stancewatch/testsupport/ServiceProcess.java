package org.stancewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's executable jar started as its own OS process, as an operator would run it:
 * configured by environment variables, ready when its readiness probe says so, and
 * stoppable politely ({@link #close()}) or by {@code kill -9} ({@link #kill()}), after
 * which {@link #restart()} starts it again with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private final List<String> command;

	private final Map<String, String> environment;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private ServiceProcess(List<String> command, Map<String, String> environment, int port, Path log) {
		this.command = command;
		this.environment = environment;
		this.port = port;
		this.log = log;
		this.process = launch();
	}

	/**
	 * Starts {@code java -jar jar} with the given JVM options and environment
	 * ({@code PORT} is added) and waits until {@code /actuator/health/readiness} reports
	 * UP. Output of every run, restarts included, is appended to {@code log}.
	 */
	public static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, int port,
			Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		ServiceProcess service = new ServiceProcess(List.copyOf(command), Map.copyOf(environment), port, log);
		service.awaitReady();
		return service;
	}

	/** A TCP port nothing listens on at the moment of asking. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** GET a path on the service, returning the body whatever the status. */
	public String get(String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * POST a JSON body to a path on the service, with a bearer key unless it is empty.
	 * @return the response body
	 * @throws IllegalStateException when the service does not answer 2xx
	 */
	public String post(String path, String bearer, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (!bearer.isEmpty()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/**
	 * Starts the same command again (after {@link #kill()} or {@link #close()}) and waits
	 * until ready.
	 */
	public void restart() {
		if (this.process.isAlive()) {
			throw new IllegalStateException("Still running: stop it first");
		}
		this.process = launch();
		awaitReady();
	}

	/**
	 * SIGTERM, as an orchestrator stops a container: the service shuts down gracefully.
	 */
	@Override
	public void close() {
		this.process.destroy();
		waitForExit();
	}

	private Process launch() {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		builder.environment().put("PORT", Integer.toString(this.port));
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Service exited with " + this.process.exitValue() + ", see " + this.log);
			}
			try {
				if (get("/actuator/health/readiness").contains("\"UP\"")) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			pause();
		}
		throw new IllegalStateException("Service not ready within " + READY_TIMEOUT + ", see " + this.log);
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
