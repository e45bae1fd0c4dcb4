package org.stancewatch.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves one small RSS feed per path on many loopback addresses (127.0.1.1, 127.0.1.2,
 * ...), so the poller sees many hosts, as it would on the web. Each feed has one item and
 * an ETag: a conditional GET gets 304.
 */
final class FeedServer implements AutoCloseable {

	private final List<HttpServer> servers = new ArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong notModified = new AtomicLong();

	private final int port;

	FeedServer(int hosts, int port) {
		this.port = port;
		try {
			for (int i = 1; i <= hosts; i++) {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host(i)), port), 512);
				server.createContext("/feed/", this::serve);
				server.setExecutor(this.executor);
				server.start();
				this.servers.add(server);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String host(int i) {
		return "127.0.1." + i;
	}

	String url(int feed) {
		return "http://" + host(feed % this.servers.size() + 1) + ":" + this.port + "/feed/" + feed;
	}

	static String etag(int feed) {
		return "\"v1-" + feed + "\"";
	}

	long requests() {
		return this.requests.get();
	}

	long notModified() {
		return this.notModified.get();
	}

	private void serve(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		String feed = exchange.getRequestURI().getPath().substring("/feed/".length());
		String etag = etag(Integer.parseInt(feed));
		if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			this.notModified.incrementAndGet();
			exchange.getResponseHeaders().add("ETag", etag);
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		byte[] body = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Desk %1$s</title><link>http://%2$s/</link>
				<item><guid>item-%1$s</guid><link>http://%2$s/story/%1$s</link><title>Regional report %1$s</title>
				<description>A regional desk files report number %1$s about trade talks, border crossings and aid convoys
				in the region, with quotes from officials and traders, written for this benchmark.</description>
				<pubDate>Mon, 03 Nov 2025 10:00:00 GMT</pubDate></item></channel></rss>"""
			.formatted(feed, exchange.getLocalAddress().getHostString())
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
		exchange.getResponseHeaders().add("ETag", etag);
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
