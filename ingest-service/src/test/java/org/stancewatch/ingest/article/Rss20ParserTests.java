package org.stancewatch.ingest.article;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.FeedParsers;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Rss20ParserTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void shouldReplaceRomesRss20ParserThroughRomeProperties() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
		assertThat(new FeedParsers().getParserFor(new SAXBuilder().build(new java.io.StringReader(rss))))
			.isInstanceOf(Rss20Parser.class);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Mon, 03 Nov 2025 10:00:00 GMT", "Mon, 3 Nov 2025 10:00:00 +0530", "3 Nov 2025 10:00 -0800",
					"Tue, 03 Nov 2025 10:00:00 GMT", "Mon, 03 Nov 2025 10:00:00 EST", "Mon, 03 Nov 25 10:00:00 GMT",
					"2025-11-03T10:00:00Z", "  Mon, 03 Nov 2025 10:00:00 GMT  ", "sometime last week" })
	void shouldReadEveryPubDateAsRomeWould(String pubDate) throws FeedParseException {
		Date rome = DateParser.parseDate(pubDate.trim(), Locale.US);

		Instant read = this.parser.parse(rss(pubDate), "application/rss+xml", URI.create("https://news.example.org/"))
			.entries()
			.get(0)
			.publishedAt();

		assertThat(read).isEqualTo((rome != null) ? rome.toInstant() : null);
	}

	@Test
	void shouldKeepThePubDateElementForWhatReadsTheItemAfter() throws FeedParseException {
		FeedEntry entry = this.parser
			.parse(rss("Mon, 03 Nov 2025 10:00:00 GMT"), "application/rss+xml", URI.create("https://news.example.org/"))
			.entries()
			.get(0);

		assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2025-11-03T10:00:00Z"));
		assertThat(entry.title()).isEqualTo("Ministers meet at the border");
		assertThat(entry.link()).isEqualTo("https://news.example.org/border");
	}

	private static byte[] rss(String pubDate) {
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Desk</title><link>https://news.example.org/</link>
				<item><title>Ministers meet at the border</title><link>https://news.example.org/border</link>
				<pubDate>%s</pubDate><description>Talks went on late.</description></item>
				</channel></rss>
				""".formatted(pubDate)).getBytes(StandardCharsets.UTF_8);
	}

}
