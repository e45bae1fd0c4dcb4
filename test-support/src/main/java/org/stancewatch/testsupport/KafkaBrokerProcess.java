package org.stancewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * A real single-node KRaft broker in its own OS process, started from the Kafka jars on
 * the test classpath, for tests that stop and restart the broker: its data directory
 * survives a restart, as a production broker's does.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private @Nullable Process process;

	public KafkaBrokerProcess() {
		try {
			this.directory = Files.createTempDirectory("stancewatch-kafka-");
			this.port = freePort();
			this.controllerPort = freePort();
			Files.writeString(this.directory.resolve("server.properties"), serverProperties());
			run(List.of("kafka.tools.StorageTool", "format", "--standalone", "--ignore-formatted", "-t",
					UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config()),
					Duration.ofSeconds(60));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker and waits until it accepts connections. */
	public synchronized KafkaBrokerProcess start() {
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		this.process = launch(List.of("kafka.Kafka", config()), this.directory.resolve("broker.log"));
		awaitPort(Duration.ofSeconds(60));
		return this;
	}

	/**
	 * Stops the broker as an operator would (SIGTERM, clean shutdown), keeping its data.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			waitFor(this.process, Duration.ofSeconds(60));
			this.process = null;
		}
	}

	/** Kills the broker with SIGKILL, keeping its data. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(this.process, Duration.ofSeconds(30));
			this.process = null;
		}
	}

	/**
	 * Kills the broker and deletes its data (tens of megabytes after a benchmark); the
	 * broker's log stays beside it for a failed test's reader.
	 */
	@Override
	public void close() {
		kill();
		try {
			FileSystemUtils.deleteRecursively(this.directory.resolve("data"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String serverProperties() {
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=1
				auto.create.topics.enable=false
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=3
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=3
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(this.port, this.controllerPort, this.directory.resolve("data"));
	}

	private String config() {
		return this.directory.resolve("server.properties").toString();
	}

	private void run(List<String> arguments, Duration timeout) {
		Process tool = launch(arguments, this.directory.resolve("tool.log"));
		waitFor(tool, timeout);
		if (tool.exitValue() != 0) {
			throw new IllegalStateException(
					"Kafka tool " + arguments + " failed, see " + this.directory.resolve("tool.log"));
		}
	}

	private static Process launch(List<String> arguments, Path log) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
		command.addAll(arguments);
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitPort(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (this.process == null || !this.process.isAlive()) {
				throw new IllegalStateException("Kafka broker exited, see " + this.directory.resolve("broker.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				sleepBriefly();
			}
		}
		throw new IllegalStateException("Kafka broker did not open port " + this.port + " within " + timeout);
	}

	private static void waitFor(Process process, Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
