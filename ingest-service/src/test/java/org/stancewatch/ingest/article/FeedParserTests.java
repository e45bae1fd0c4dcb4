package org.stancewatch.ingest.article;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTests {

	private static final URI FEED_URL = URI.create("https://news.example.org/world/rss.xml");

	private static final String RSS = """
			<?xml version="1.0" encoding="%s"?>
			<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
			     xmlns:dc="http://purl.org/dc/elements/1.1/">
			  <channel>
			    <title>World desk</title>
			    <link>https://news.example.org/world/</link>
			    <language>en-gb</language>
			    <item>
			      <title>Café owners in the old town reopen after floods</title>
			      <link>/world/2025/01/cafe-reopen?utm_source=rss</link>
			      <guid isPermaLink="false">story-4711</guid>
			      <pubDate>Mon, 06 Jan 2025 10:00:00 +0000</pubDate>
			      <dc:creator>Lena Ortiz</dc:creator>
			      <description>&lt;p&gt;Short teaser.&lt;/p&gt;</description>
			      <content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded>
			    </item>
			    <item>
			      <title>No date on this one</title>
			      <link>https://news.example.org/world/undated</link>
			      <pubDate>sometime last week</pubDate>
			      <description>Only a summary &amp; nothing else</description>
			    </item>
			  </channel>
			</rss>
			""";

	private final FeedParser parser = new FeedParser();

	@Test
	void shouldReadFeedAndEntries() throws FeedParseException {
		ParsedFeed feed = this.parser.parse(rss("UTF-8", StandardCharsets.UTF_8), "application/rss+xml", FEED_URL);

		assertThat(feed.feedType()).isEqualTo("rss_2.0");
		assertThat(feed.title()).isEqualTo("World desk");
		assertThat(feed.link()).isEqualTo("https://news.example.org/world/");
		assertThat(feed.language()).isEqualTo("en-gb");
		assertThat(feed.entries()).hasSize(2);
		FeedEntry first = feed.entries().get(0);
		assertThat(first.guid()).isEqualTo("story-4711");
		assertThat(first.link()).isEqualTo("https://news.example.org/world/2025/01/cafe-reopen?utm_source=rss");
		assertThat(first.title()).isEqualTo("Café owners in the old town reopen after floods");
		assertThat(first.contentHtml()).isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
		assertThat(first.summaryHtml()).isEqualTo("<p>Short teaser.</p>");
		assertThat(first.bodyHtml()).isEqualTo(first.contentHtml());
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-01-06T10:00:00Z"));
		assertThat(first.author()).isEqualTo("Lena Ortiz");
	}

	@Test
	void shouldLeaveAnUnreadableDateEmptyRatherThanInventOne() throws FeedParseException {
		FeedEntry undated = this.parser.parse(rss("UTF-8", StandardCharsets.UTF_8), null, FEED_URL).entries().get(1);

		assertThat(undated.publishedAt()).isNull();
		assertThat(undated.contentHtml()).isNull();
		assertThat(undated.bodyHtml()).isEqualTo("Only a summary & nothing else");
	}

	@Test
	void shouldDecodeByTheXmlDeclarationWhenTheHeaderNamesNoCharset() throws FeedParseException {
		Charset latin1 = StandardCharsets.ISO_8859_1;

		ParsedFeed feed = this.parser.parse(rss("ISO-8859-1", latin1), "text/xml", FEED_URL);

		assertThat(feed.entries().get(0).title()).startsWith("Café");
	}

	@Test
	void shouldLetTheHttpCharsetWinOverTheXmlDeclaration() throws FeedParseException {
		byte[] latin1Bytes = rss("UTF-8", StandardCharsets.ISO_8859_1);

		ParsedFeed feed = this.parser.parse(latin1Bytes, "application/rss+xml; charset=ISO-8859-1", FEED_URL);

		assertThat(feed.entries().get(0).title()).startsWith("Café");
	}

	@Test
	void shouldHonourAByteOrderMark() throws Exception {
		ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
		utf16.write(new byte[] { (byte) 0xFE, (byte) 0xFF });
		utf16.write(RSS.formatted("UTF-16").getBytes(StandardCharsets.UTF_16BE));

		ParsedFeed feed = this.parser.parse(utf16.toByteArray(), null, FEED_URL);

		assertThat(feed.entries().get(0).title()).startsWith("Café");
	}

	@Test
	void shouldReadAtomWithHtmlTitlesAndPlainTextContent() throws FeedParseException {
		String atom = """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <title>Harbour notes</title>
				  <id>urn:example:harbour</id>
				  <updated>2025-02-01T08:00:00Z</updated>
				  <link rel="alternate" href="https://harbour.example.net/"/>
				  <entry>
				    <id>urn:example:harbour:1</id>
				    <title type="html">Piers &lt;em&gt;reopen&lt;/em&gt;</title>
				    <link rel="alternate" href="notes/piers"/>
				    <published>2025-02-01T07:30:00Z</published>
				    <updated>2025-02-01T08:00:00Z</updated>
				    <author><name>Sam Reed</name></author>
				    <content type="text">Boats return. Traders use &lt;tags&gt; freely.</content>
				  </entry>
				</feed>
				""";

		ParsedFeed feed = this.parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml",
				URI.create("https://harbour.example.net/atom.xml"));

		FeedEntry entry = feed.entries().get(0);
		assertThat(feed.feedType()).isEqualTo("atom_1.0");
		assertThat(entry.guid()).isEqualTo("urn:example:harbour:1");
		assertThat(entry.title()).isEqualTo("Piers reopen");
		assertThat(entry.link()).isEqualTo("https://harbour.example.net/notes/piers");
		assertThat(entry.contentHtml()).isEqualTo("Boats return. Traders use &lt;tags&gt; freely.");
		assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2025-02-01T07:30:00Z"));
		assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2025-02-01T08:00:00Z"));
		assertThat(entry.author()).isEqualTo("Sam Reed");
	}

	@Test
	void shouldSayWhenTheUrlServesAnHtmlPage() {
		byte[] page = "<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>"
			.getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> this.parser.parse(page, "text/html; charset=utf-8", FEED_URL))
			.withMessageStartingWith(FEED_URL + " is an HTML page, not a feed");
	}

	@Test
	void shouldSayWhenANonFeedXmlDocumentArrives() {
		byte[] xml = "<?xml version=\"1.0\"?><inventory><item/></inventory>".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> this.parser.parse(xml, "application/xml", FEED_URL))
			.withMessage(FEED_URL + " is not a recognised RSS, RDF or Atom feed (Invalid document)");
	}

	@Test
	void shouldMendHtmlEntitiesAndBlankLinesBeforeTheDeclaration() throws FeedParseException {
		byte[] sloppy = ("\n\n" + RSS.formatted("UTF-8").replace("World desk", "World&nbsp;desk &mdash; daily"))
			.getBytes(StandardCharsets.UTF_8);

		ParsedFeed feed = this.parser.parse(sloppy, "application/rss+xml", FEED_URL);

		assertThat(feed.title()).isEqualTo("World\u00a0desk \u2014 daily");
		assertThat(feed.entries()).hasSize(2);
	}

	@Test
	void shouldRejectBrokenXmlWithTheParsersReason() {
		byte[] broken = "<rss version=\"2.0\"><channel><title>cut off".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> this.parser.parse(broken, "application/rss+xml", FEED_URL))
			.withMessageStartingWith("invalid feed XML at " + FEED_URL + ": ");
	}

	@Test
	void shouldRejectAnEmptyBody() {
		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> this.parser.parse(new byte[0], "application/rss+xml", FEED_URL))
			.withMessage("empty response body: no feed at " + FEED_URL);
	}

	private static byte[] rss(String declared, Charset actual) {
		return RSS.formatted(declared).getBytes(actual);
	}

}
