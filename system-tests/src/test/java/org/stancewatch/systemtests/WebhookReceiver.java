package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's webhook endpoint on loopback: records every request it gets, retries
 * included, and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hooks/", this::receive);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + path;
	}

	/** Everything received so far, in arrival order. */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			this.received.add(new Received(exchange.getRequestURI().getPath(), header(exchange, "webhook-id"),
					header(exchange, "webhook-timestamp"), header(exchange, "webhook-signature"),
					header(exchange, "traceparent"), body, Instant.now()));
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	private static String header(HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return (value != null) ? value : "";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** One request as it arrived; a header it did not carry is empty. */
	record Received(String path, String id, String timestamp, String signature, String traceparent, byte[] body,
			Instant at) {

		boolean verifies(WebhookVerifier verifier) {
			return verifier.verifies(this.id, this.timestamp, this.signature, this.body, this.at);
		}

	}

}
