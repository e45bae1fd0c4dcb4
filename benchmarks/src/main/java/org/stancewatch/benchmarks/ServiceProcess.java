package org.stancewatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * A service's executable jar started as its own OS process, as an operator would run it.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, int port,
			Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		try {
			ServiceProcess service = new ServiceProcess(builder.start(), port);
			service.awaitReady(Duration.ofMinutes(2), log);
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String get(String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
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

	private void awaitReady(Duration timeout, Path log) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Service exited, see " + log);
			}
			try {
				if (get("/actuator/health/readiness").contains("\"UP\"")) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			Sleep.millis(250);
		}
		throw new IllegalStateException("Service not ready within " + timeout + ", see " + log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
