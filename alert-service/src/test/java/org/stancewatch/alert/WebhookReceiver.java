package org.stancewatch.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on loopback that answers as scripted (a status, or no answer at
 * all) and records every request it gets.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile int thenAnswer = 200;

	private volatile long delayMillis;

	private volatile @org.jspecify.annotations.Nullable String redirectTo;

	/** Scripted answer meaning: keep the connection open and never answer. */
	public static final int HANG = -1;

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Answers these, in order, then {@link #thenAnswer(int)}. */
	public WebhookReceiver answer(int... statuses) {
		for (int status : statuses) {
			this.script.add(status);
		}
		return this;
	}

	public WebhookReceiver thenAnswer(int status) {
		this.thenAnswer = status;
		return this;
	}

	/** Takes this long before answering, like a slow receiver. */
	public WebhookReceiver delay(long millis) {
		this.delayMillis = millis;
		return this;
	}

	/** Answers every request with 307 to this URL, as a moved endpoint does. */
	public WebhookReceiver redirectTo(String url) {
		this.redirectTo = url;
		return this;
	}

	public String url() {
		return "http://127.0.0.1:" + port() + "/hook";
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = exchange.getRequestHeaders()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((e) -> e.getKey().toLowerCase(java.util.Locale.ROOT), (e) -> e.getValue().get(0),
					(a, b) -> a));
		Integer scripted = this.script.poll();
		int status = (this.redirectTo != null) ? 307 : (scripted != null) ? scripted : this.thenAnswer;
		this.received.add(new Received(Instant.now(), headers, body, status));
		try {
			if (status == HANG) {
				this.closing.await(30, TimeUnit.SECONDS);
				return;
			}
			if (this.delayMillis > 0) {
				this.closing.await(this.delayMillis, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (status == HANG) {
				exchange.close();
			}
		}
		if (this.redirectTo != null) {
			exchange.getResponseHeaders().set("Location", this.redirectTo);
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
	}

	/**
	 * One request as it arrived.
	 *
	 * @param at when it arrived
	 * @param headers its headers, names in lower case
	 * @param body its body
	 * @param answered the status answered, or {@link #HANG}
	 */
	public record Received(Instant at, Map<String, String> headers, byte[] body, int answered) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.get(name);
		}

	}

}
