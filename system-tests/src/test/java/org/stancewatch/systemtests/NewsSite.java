package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A news site on loopback: an RSS feed of short summaries and a full page per story, as
 * real outlets publish them. Anything else (robots.txt included) is 404.
 */
final class NewsSite implements AutoCloseable {

	private final HttpServer server;

	private final List<Story> stories;

	private final AtomicInteger feedRequests = new AtomicInteger();

	NewsSite(List<Story> stories) {
		this.stories = List.copyOf(stories);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/feed.xml", this::feed);
		this.server.createContext("/story/", this::page);
		this.server.start();
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String feedUrl() {
		return base() + "/feed.xml";
	}

	String storyUrl(Story story) {
		return base() + "/story/" + story.slug();
	}

	int feedRequests() {
		return this.feedRequests.get();
	}

	private void feed(HttpExchange exchange) throws IOException {
		this.feedRequests.incrementAndGet();
		StringBuilder items = new StringBuilder();
		for (Story story : this.stories) {
			items.append("<item><guid>")
				.append(storyUrl(story))
				.append("</guid><link>")
				.append(storyUrl(story))
				.append("</link><title>")
				.append(story.title())
				.append("</title><description>")
				.append(story.summary())
				.append("</description><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(story.published().atOffset(ZoneOffset.UTC)))
				.append("</pubDate></item>\n");
		}
		respond(exchange, "application/rss+xml; charset=utf-8", """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Steppe Courier</title><link>%s/</link>
				<description>Regional diplomacy desk</description>
				%s</channel></rss>""".formatted(base(), items));
	}

	private void page(HttpExchange exchange) throws IOException {
		String slug = exchange.getRequestURI().getPath().substring("/story/".length());
		for (Story story : this.stories) {
			if (story.slug().equals(slug)) {
				StringBuilder paragraphs = new StringBuilder();
				story.paragraphs().forEach((p) -> paragraphs.append("<p>").append(p).append("</p>\n"));
				respond(exchange, "text/html; charset=utf-8", """
						<!DOCTYPE html><html lang="en"><head><title>%1$s</title></head><body>
						<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
						<article><h1>%1$s</h1>
						%2$s</article>
						<footer>Steppe Courier, regional diplomacy desk.</footer></body></html>"""
					.formatted(story.title(), paragraphs));
				return;
			}
		}
		exchange.sendResponseHeaders(404, -1);
		exchange.close();
	}

	private static void respond(HttpExchange exchange, String type, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One story: a summary for the feed, paragraphs for its page. */
	record Story(String slug, String title, String summary, List<String> paragraphs, Instant published) {
	}

}
