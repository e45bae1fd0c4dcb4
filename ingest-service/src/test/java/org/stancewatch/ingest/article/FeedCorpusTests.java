package org.stancewatch.ingest.article;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of the shared feeds corpus goes through {@link FeedParser}: each ends as a
 * parsed feed or a {@link FeedParseException} with a reason, never another exception and
 * never a hang; the adversarial files are refused without reading any entity.
 */
class FeedCorpusTests {

	private static final URI FEED_URL = URI.create("https://feeds.example.org/corpus.xml");

	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private final FeedParser parser = new FeedParser();

	@TestFactory
	Stream<DynamicTest> everyCorpusFileParsesOrIsRejectedWithAReason() {
		List<Path> files = FeedsCorpus.feedFiles();
		assertThat(files).as("feed files in the corpus").hasSizeGreaterThanOrEqualTo(285);
		Map<String, String> contentTypes = FeedsCorpus.contentTypes();
		return files.stream().map((file) -> DynamicTest.dynamicTest(FeedsCorpus.relative(file), () -> {
			byte[] body = Files.readAllBytes(file);
			String contentType = contentTypes.get(FeedsCorpus.relative(file));
			assertTimeoutPreemptively(NO_HANG, () -> {
				try {
					ParsedFeed feed = this.parser.parse(body, contentType, FEED_URL);
					assertThat(feed.feedType()).isNotBlank();
				}
				catch (FeedParseException ex) {
					assertThat(ex.getMessage()).isNotBlank().contains(FEED_URL.toString());
				}
			});
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyFileRomeParsedInTheBaselineStillParsesTheSame() {
		Map<String, String> baseline = FeedsCorpus.baseline();
		assertThat(baseline).hasSizeGreaterThan(250);
		return baseline.entrySet()
			.stream()
			.filter((result) -> result.getValue().startsWith("OK "))
			.sorted(Map.Entry.comparingByKey())
			.map((result) -> DynamicTest.dynamicTest(result.getKey(), () -> {
				String[] expected = result.getValue().split(" ");
				byte[] body = Files.readAllBytes(FeedsCorpus.root().resolve(result.getKey()));
				ParsedFeed feed = this.parser.parse(body, null, FEED_URL);
				assertThat(feed.feedType()).isEqualTo(expected[1]);
				assertThat("entries=" + feed.entries().size()).isEqualTo(expected[2]);
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyAdversarialFileIsRefusedQuicklyBecauseOfItsDoctype() {
		return FeedsCorpus.feedFiles()
			.stream()
			.filter((file) -> FeedsCorpus.relative(file).startsWith("adversarial/"))
			.map((file) -> DynamicTest.dynamicTest(FeedsCorpus.relative(file), () -> {
				byte[] body = Files.readAllBytes(file);
				assertTimeoutPreemptively(Duration.ofSeconds(2),
						() -> assertThatExceptionOfType(FeedParseException.class)
							.isThrownBy(() -> this.parser.parse(body, "application/xml", FEED_URL))
							.withMessageContaining("DOCTYPE is disallowed"));
			}));
	}

	@Test
	void shouldNeverReadAFileNamedByAnExternalEntity(@TempDir Path temp) throws IOException {
		String secret = UUID.randomUUID().toString();
		Path canary = temp.resolve("xxe-canary-" + secret);
		Files.writeString(canary, "canary " + secret);
		for (String name : List.of("xxe-rss20-file-passwd.xml", "xxe-atom10-entry-file-passwd.xml")) {
			String original = Files.readString(FeedsCorpus.root().resolve("adversarial").resolve(name),
					StandardCharsets.ISO_8859_1);
			assertThat(original).contains("file:///etc/passwd");
			byte[] rewritten = original.replace("file:///etc/passwd", canary.toUri().toString())
				.getBytes(StandardCharsets.ISO_8859_1);

			String outcome;
			try {
				outcome = this.parser.parse(rewritten, null, FEED_URL).toString();
				fail("a document with a DOCTYPE was accepted: " + outcome);
			}
			catch (FeedParseException ex) {
				outcome = ex.getMessage() + " " + ex.getCause();
			}

			assertThat(outcome).doesNotContain(secret);
		}
	}

	@Test
	void shouldMakeNoConnectionForAnExternalDtdOrParameterEntity() throws IOException {
		AtomicInteger hits = new AtomicInteger();
		HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		listener.createContext("/", (exchange) -> {
			hits.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		listener.start();
		try {
			String probe = "http://127.0.0.1:" + listener.getAddress().getPort();
			String original = Files.readString(FeedsCorpus.root().resolve("adversarial/xxe-external-dtd-ssrf.xml"));
			String rewritten = original.replace("http://169.254.169.254", probe)
				.replace("http://127.0.0.1:18080", probe);
			assertThat(rewritten).contains("<!DOCTYPE rss SYSTEM \"" + probe + "/latest/")
				.contains("<!ENTITY % remote SYSTEM \"" + probe + "/xxe-probe.dtd\">");

			assertThatExceptionOfType(FeedParseException.class)
				.isThrownBy(() -> this.parser.parse(rewritten.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
						FEED_URL))
				.withMessageContaining("DOCTYPE is disallowed");
			assertThat(hits).as("requests made by the parser").hasValue(0);

			// Control: a default JDK DOM parser does fetch the DTD, so the listener would
			// have seen a request from a parser that reads DOCTYPEs.
			try {
				javax.xml.parsers.DocumentBuilderFactory.newInstance()
					.newDocumentBuilder()
					.parse(new java.io.ByteArrayInputStream(rewritten.getBytes(StandardCharsets.UTF_8)));
			}
			catch (Exception ex) {
				// the probe answers with an empty DTD; any outcome is fine, only the hit
				// counts
			}
			assertThat(hits.get()).as("requests made by an unguarded parser").isPositive();
		}
		finally {
			listener.stop(0);
		}
	}

}
