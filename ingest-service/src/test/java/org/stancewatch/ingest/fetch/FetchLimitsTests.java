package org.stancewatch.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.stancewatch.ingest.fetch.FetchResult.FailureKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile responses, generated on the fly by a real local server (no big files kept):
 * each is cut off at its limit with a reason the poller can record against the feed.
 */
class FetchLimitsTests {

	private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
			+ "<title>big</title><item><guid>big-1</guid><description>";

	private static final String FOOTER = "</description></item></channel></rss>";

	private static final long FIFTY_MIB = 50L * 1024 * 1024;

	private static final long ONE_GIB = 1024L * 1024 * 1024;

	@TempDir
	static Path temp;

	private static Path gzipBomb;

	private final LocalHttpServer server = new LocalHttpServer();

	private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults()
		.withAllowPrivateAddresses(true)
		.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)));

	/** 1 GiB of spaces, gzipped once per run: about 1 MiB on the wire. */
	@BeforeAll
	static void buildGzipBomb() throws IOException {
		gzipBomb = temp.resolve("bomb.gz");
		byte[] spaces = new byte[1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipBomb), 65536)) {
			for (long written = 0; written < ONE_GIB; written += spaces.length) {
				out.write(spaces);
			}
		}
	}

	@AfterEach
	void close() throws IOException {
		this.fetcher.close();
		this.server.close();
	}

	@Test
	void shouldCutAFiftyMebibyteChunkedItemAtTheLimit() {
		this.server.on("/big", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			try (InputStream body = hugeFeed(FIFTY_MIB)) {
				body.transferTo(exchange.getResponseBody());
			}
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/big"), null, null);

		assertFailed(result, FailureKind.TOO_LARGE, "response too large: the limit is 10485760 bytes");
	}

	@Test
	void shouldRefuseADeclaredLengthOverTheLimitWithoutReadingIt() {
		this.server.on("/big", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, FIFTY_MIB);
			try (InputStream body = hugeFeed(FIFTY_MIB - HEADER.length() - FOOTER.length())) {
				body.transferTo(exchange.getResponseBody());
			}
		});

		assertFailed(this.fetcher.fetch(this.server.uri("/big"), null, null), FailureKind.TOO_LARGE,
				"declares " + FIFTY_MIB + " bytes");
	}

	@Test
	void shouldCutAGzipBombAtTheDecompressedLimit() {
		this.server.on("/bomb", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, Files.size(gzipBomb));
			Files.copy(gzipBomb, exchange.getResponseBody());
		});

		FetchResult result = this.fetcher.fetch(this.server.uri("/bomb"), null, null);

		assertFailed(result, FailureKind.TOO_LARGE, "(after decompression)");
	}

	@Test
	void shouldGiveUpOnAOneBytePerSecondDripAtTheTotalLimit() {
		this.server.on("/drip", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (byte b : (HEADER + "x".repeat(600) + FOOTER).getBytes(StandardCharsets.UTF_8)) {
				out.write(b);
				out.flush();
				pause(Duration.ofSeconds(1));
			}
		});
		long start = System.nanoTime();

		FetchResult result = this.fetcher.fetch(this.server.uri("/drip"), null, null);

		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertFailed(result, FailureKind.TIMEOUT, "total time limit of 3000 ms");
		assertThat(took).as("released soon after the 3 s limit").isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void shouldTreatABodyShorterThanDeclaredAsAFailureNotAnEmptyFeed() {
		this.server.on("/short", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 1_000_000);
			exchange.getResponseBody().write(HEADER.getBytes(StandardCharsets.UTF_8));
			exchange.getResponseBody().flush();
			// The handler ends here; the server closes the exchange short of the declared
			// length.
		});

		assertFailed(this.fetcher.fetch(this.server.uri("/short"), null, null), FailureKind.TRUNCATED,
				"closed before the whole body arrived");
	}

	@Test
	void shouldGiveUpOnASilentServerAtTheReadTimeout() throws IOException {
		try (FeedFetcher quick = new FeedFetcher(FetchSettings.defaults()
			.withAllowPrivateAddresses(true)
			.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(10)))) {
			this.server.on("/silent", (exchange) -> {
				exchange.sendResponseHeaders(200, 0);
				exchange.getResponseBody().flush();
				pause(Duration.ofSeconds(3));
			});

			assertFailed(quick.fetch(this.server.uri("/silent"), null, null), FailureKind.TIMEOUT, "read timeout");
		}
	}

	/** header + n lazily generated 'A's + footer. */
	private static InputStream hugeFeed(long n) {
		InputStream as = new InputStream() {

			private long left = n;

			@Override
			public int read() {
				return (this.left-- > 0) ? 'A' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, this.left);
				Arrays.fill(buffer, offset, offset + count, (byte) 'A');
				this.left -= count;
				return count;
			}

		};
		List<InputStream> parts = List.of(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), as,
				new ByteArrayInputStream(FOOTER.getBytes(StandardCharsets.UTF_8)));
		return new SequenceInputStream(java.util.Collections.enumeration(parts));
	}

	/** The server's pacing (a slow server), not a test waiting for a result. */
	private static void pause(Duration duration) throws IOException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("server stopped", ex);
		}
	}

	private static void assertFailed(FetchResult result, FailureKind kind, String reason) {
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(kind);
			assertThat(failed.reason()).contains(reason);
		});
	}

}
