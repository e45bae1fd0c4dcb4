package org.stancewatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.stancewatch.ingest.fetch.FetchResult.FailureKind;

import static org.assertj.core.api.Assertions.assertThat;

class FeedFetcherTests {

	private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour desk</title>"
			+ "</channel></rss>";

	private final LocalHttpServer server = new LocalHttpServer();

	private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));

	@AfterEach
	void close() throws IOException {
		this.fetcher.close();
		this.server.close();
	}

	@Test
	void shouldReturnBodyValidatorsAndSendStancewatchUserAgent() {
		AtomicReference<String> userAgent = new AtomicReference<>();
		this.server.on("/feed", (exchange) -> {
			userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			exchange.getResponseHeaders().set("Last-Modified", "Mon, 06 Jan 2025 10:00:00 GMT");
			LocalHttpServer.respond(exchange, 200, "application/rss+xml; charset=ISO-8859-1", bytes(RSS));
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/feed"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class, (ok) -> {
			assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
			assertThat(ok.etag()).isEqualTo("\"v1\"");
			assertThat(ok.lastModified()).isEqualTo("Mon, 06 Jan 2025 10:00:00 GMT");
			assertThat(ok.mimeType()).isEqualTo("application/rss+xml");
			assertThat(ok.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
			assertThat(ok.finalUrl()).isEqualTo(this.server.uri("/feed"));
			assertThat(ok.permanentRedirect()).isNull();
		});
		assertThat(userAgent.get()).contains("stancewatch");
	}

	@Test
	void shouldSendValidatorsAndReturnNotModifiedWithUpdatedOnes() {
		this.server.on("/feed", (exchange) -> {
			boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
					&& "Mon, 06 Jan 2025 10:00:00 GMT"
						.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
			if (same) {
				exchange.getResponseHeaders().set("ETag", "\"v2\"");
				exchange.sendResponseHeaders(304, -1);
			}
			else {
				LocalHttpServer.respond(exchange, 200, "application/rss+xml", bytes(RSS));
			}
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/feed"), "\"v1\"", "Mon, 06 Jan 2025 10:00:00 GMT");

		assertThat(result).isEqualTo(new FetchResult.NotModified("\"v2\"", "Mon, 06 Jan 2025 10:00:00 GMT", null));
	}

	@Test
	void shouldDecodeGzipBodies() {
		this.server.on("/feed", (exchange) -> {
			assertThat(exchange.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			LocalHttpServer.respond(exchange, 200, "application/rss+xml", gzip(bytes(RSS)));
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/feed"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class,
				(ok) -> assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(RSS));
	}

	@Test
	void shouldDecodeDeflateBodies() {
		this.server.on("/feed", (exchange) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (OutputStream deflate = new DeflaterOutputStream(out)) {
				deflate.write(bytes(RSS));
			}
			exchange.getResponseHeaders().set("Content-Encoding", "deflate");
			LocalHttpServer.respond(exchange, 200, "application/rss+xml", out.toByteArray());
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/feed"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class,
				(ok) -> assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(RSS));
	}

	@Test
	void shouldReportWhereAFeedMovedPermanently() {
		this.server.on("/old", (exchange) -> redirect(exchange, 301, "/older"))
			.on("/older", (exchange) -> redirect(exchange, 308, "/new"))
			.on("/new", (exchange) -> LocalHttpServer.respond(exchange, 200, "application/rss+xml", bytes(RSS)));

		FetchResult result = this.fetcher.fetch(this.server.uri("/old"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class, (ok) -> {
			assertThat(ok.finalUrl()).isEqualTo(this.server.uri("/new"));
			assertThat(ok.permanentRedirect()).isEqualTo(this.server.uri("/new"));
		});
	}

	@Test
	void shouldNotReportAMoveBehindATemporaryRedirect() {
		this.server.on("/old", (exchange) -> redirect(exchange, 302, "/moved"))
			.on("/moved", (exchange) -> redirect(exchange, 301, "/new"))
			.on("/new", (exchange) -> LocalHttpServer.respond(exchange, 200, "application/rss+xml", bytes(RSS)));

		FetchResult result = this.fetcher.fetch(this.server.uri("/old"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class, (ok) -> {
			assertThat(ok.finalUrl()).isEqualTo(this.server.uri("/new"));
			assertThat(ok.permanentRedirect()).isNull();
		});
	}

	@Test
	void shouldFollowFiveRedirectsButNotSix() {
		for (int i = 0; i < 6; i++) {
			String next = "/hop" + (i + 1);
			this.server.on("/hop" + i, (exchange) -> redirect(exchange, 302, next));
		}
		this.server.on("/hop5", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", bytes(RSS)))
			.on("/hop6", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", bytes(RSS)));

		assertThat(this.fetcher.fetch(this.server.uri("/hop0"), null, null)).isInstanceOf(FetchResult.Ok.class);

		this.server.on("/hop5", (exchange) -> redirect(exchange, 302, "/hop6"));
		FetchResult result = this.fetcher.fetch(this.server.uri("/hop0"), null, null);
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
			assertThat(failed.reason()).contains("more than 5 redirects");
		});
	}

	@Test
	void shouldRefuseARedirectToAnotherScheme() {
		this.server.on("/feed", (exchange) -> {
			exchange.getResponseHeaders().set("Location", "file:///etc/hostname");
			exchange.sendResponseHeaders(302, -1);
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/feed"), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED_SCHEME);
			assertThat(failed.reason()).contains("file:///etc/hostname");
		});
	}

	@Test
	void shouldRefuseNonHttpSchemes() {
		assertThat(this.fetcher.fetch(URI.create("file:///etc/hostname"), null, null)).isInstanceOfSatisfying(
				FetchResult.Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED_SCHEME));
		assertThat(this.fetcher.fetch(URI.create("ftp://feeds.example.org/rss"), null, null)).isInstanceOfSatisfying(
				FetchResult.Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED_SCHEME));
	}

	@Test
	void shouldReportGoneFeeds() {
		this.server.on("/feed", (exchange) -> exchange.sendResponseHeaders(410, -1));

		assertThat(this.fetcher.fetch(this.server.uri("/feed"), null, null))
			.isEqualTo(new FetchResult.Gone(this.server.uri("/feed")));
	}

	@Test
	void shouldReadRetryAfterInSecondsAndAsHttpDate() throws IOException {
		this.server.on("/busy", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "120");
			exchange.sendResponseHeaders(429, -1);
		}).on("/down", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "Mon, 06 Jan 2025 10:05:00 GMT");
			exchange.sendResponseHeaders(503, -1);
		}).on("/vague", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "soon");
			exchange.sendResponseHeaders(503, -1);
		});
		Clock tenOClock = Clock.fixed(Instant.parse("2025-01-06T10:00:00Z"), ZoneOffset.UTC);
		try (FeedFetcher fixedTime = new FeedFetcher(FetchSettings.defaults(), SystemDefaultDnsResolver.INSTANCE,
				AddressGuard.allowingAll(), tenOClock)) {
			assertThat(fixedTime.fetch(this.server.uri("/busy"), null, null))
				.isEqualTo(new FetchResult.Throttled(429, Duration.ofSeconds(120)));
			assertThat(fixedTime.fetch(this.server.uri("/down"), null, null))
				.isEqualTo(new FetchResult.Throttled(503, Duration.ofMinutes(5)));
			assertThat(fixedTime.fetch(this.server.uri("/vague"), null, null))
				.isEqualTo(new FetchResult.Throttled(503, null));
		}
	}

	@Test
	void shouldFailWithTheHttpStatusInTheReason() {
		assertThat(this.fetcher.fetch(this.server.uri("/missing"), null, null))
			.isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(FailureKind.HTTP_STATUS);
				assertThat(failed.reason()).contains("404").contains("/missing");
				assertThat(failed.status()).isEqualTo(404);
			});
	}

	@Test
	void shouldFailClearlyWhenNothingListens() throws IOException {
		URI closed;
		try (LocalHttpServer gone = new LocalHttpServer()) {
			closed = gone.uri("/feed");
		}

		assertThat(this.fetcher.fetch(closed, null, null)).isInstanceOfSatisfying(FetchResult.Failed.class,
				(failed) -> {
					assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION);
					assertThat(failed.reason()).contains("could not connect").contains(closed.toString());
				});
	}

	@Test
	void shouldFailClearlyWhenTheNameDoesNotResolve() {
		assertThat(this.fetcher.fetch(URI.create("http://no-such-host.invalid/feed"), null, null))
			.isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(FailureKind.DNS);
				assertThat(failed.reason()).contains("no-such-host.invalid");
			});
	}

	private static void redirect(com.sun.net.httpserver.HttpExchange exchange, int status, String location)
			throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(status, -1);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

}
