package org.stancewatch.ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback address and an ephemeral port, counting the requests
 * it receives.
 */
final class LocalHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger hits = new AtomicInteger();

	private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

	LocalHttpServer() {
		this("127.0.0.1");
	}

	LocalHttpServer(String address) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::dispatch);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		this.hits.incrementAndGet();
		HttpHandler handler = this.handlers.get(exchange.getRequestURI().getPath());
		try (exchange) {
			if (handler == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			handler.handle(exchange);
		}
	}

	LocalHttpServer on(String path, HttpHandler handler) {
		this.handlers.put(path, handler);
		return this;
	}

	URI uri(String path) {
		return URI.create("http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	int hits() {
		return this.hits.get();
	}

	static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
