package org.stancewatch.alert.eventstore;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft broker in a child JVM, on fixed ports and a data directory of its
 * own, so that a test can stop it and start it again at the same address with its data.
 * Started from the test's own classpath (kafka_2.13 comes with spring-kafka-test).
 */
final class StandaloneKafka implements AutoCloseable {

	private final Path directory;

	private final Path config;

	private final int port;

	private Process process;

	StandaloneKafka(Path directory) {
		this.directory = directory;
		this.port = freePort();
		int controllerPort = freePort();
		this.config = directory.resolve("server.properties");
		try {
			Files.writeString(this.config,
					String.join("\n", "process.roles=broker,controller", "node.id=1",
							"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
							"listeners=PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:"
									+ controllerPort,
							"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.port,
							"controller.listener.names=CONTROLLER",
							"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
							"log.dirs=" + directory.resolve("data"), "offsets.topic.replication.factor=1",
							"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
							"auto.create.topics.enable=false", "group.initial.rebalance.delay.ms=0", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				this.config.toString()), "format.log");
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS) || this.process.exitValue() != 0) {
				throw new IllegalStateException("Could not format Kafka storage, see " + directory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	void start() {
		run(List.of("kafka.Kafka", this.config.toString()), "broker.log");
		await().atMost(Duration.ofSeconds(60)).until(this::accepting);
	}

	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !accepting());
	}

	@Override
	public void close() {
		stop();
	}

	private void run(List<String> mainAndArguments, String log) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(
				List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path")));
		command.addAll(mainAndArguments);
		File output = this.directory.resolve(log).toFile();
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(output))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean accepting() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
