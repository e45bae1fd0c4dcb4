package org.stancewatch.ingest.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A news site on loopback for poller tests: an RSS feed whose items and ETag the test
 * changes, the article pages its items link to, and any status code the test wants a path
 * to answer.
 */
final class LocalFeedServer implements AutoCloseable {

	private final HttpServer server;

	private final List<String> items = new CopyOnWriteArrayList<>();

	private final Map<String, Response> overrides = new ConcurrentHashMap<>();

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private final AtomicInteger feedRequests = new AtomicInteger();

	private volatile int version = 1;

	LocalFeedServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Adds an item to the feed (a new version, so a new ETag). */
	void addItem(String itemXml) {
		this.items.add(itemXml);
		this.version++;
	}

	void replaceItem(int index, String itemXml) {
		this.items.set(index, itemXml);
		this.version++;
	}

	void page(String path, String html) {
		this.pages.put(path, html);
	}

	void answer(String path, int status, Map<String, String> headers) {
		this.overrides.put(path, new Response(status, headers));
	}

	int feedRequests() {
		return this.feedRequests.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Response override = this.overrides.get(path);
		if (override != null) {
			override.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(override.status(), -1);
			exchange.close();
			return;
		}
		if (path.equals("/feed.xml") || path.equals("/moved.xml")) {
			this.feedRequests.incrementAndGet();
			String etag = "\"v" + this.version + "\"";
			exchange.getResponseHeaders().add("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			send(exchange, "application/rss+xml; charset=utf-8", """
					<?xml version="1.0" encoding="UTF-8"?>
					<rss version="2.0"><channel><title>Local desk</title><link>%s</link><language>en</language>
					%s
					</channel></rss>""".formatted(url("/"), String.join("\n", this.items)));
			return;
		}
		if (path.equals("/broken.xml")) {
			send(exchange, "application/rss+xml", "<rss><channel><item><title>unclosed");
			return;
		}
		String page = this.pages.get(path);
		if (page != null) {
			send(exchange, "text/html; charset=utf-8", page);
			return;
		}
		exchange.sendResponseHeaders(404, -1);
		exchange.close();
	}

	private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Response(int status, Map<String, String> headers) {
	}

}
