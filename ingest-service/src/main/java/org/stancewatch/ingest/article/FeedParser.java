package org.stancewatch.ingest.article;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.XmlReaderException;
import org.jdom2.UncheckedJDOMFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Parses RSS 0.9x/1.0/2.0, RDF and Atom bodies with ROME, keeping ROME's secure defaults:
 * a DOCTYPE is refused, so no external entity, external DTD or entity bomb is ever
 * processed. Thread-safe.
 * <p>
 * Charset: an explicit charset in the HTTP Content-Type wins; otherwise the BOM, then the
 * XML declaration, then UTF-8 decide. A Content-Type without charset is not taken to mean
 * US-ASCII (RFC 3023's rule for text/xml), since real feeds served that way are nearly
 * always UTF-8 with a correct declaration.
 */
public final class FeedParser {

	private static final String DEFAULT_ENCODING = "UTF-8";

	private static final Pattern HTML_START = Pattern
		.compile("(?is)(?:\\xEF\\xBB\\xBF)?(?:\\s|<\\?xml.*?\\?>|<!--.*?-->)*(?:<!doctype\\s+html|<html)");

	/**
	 * Parses a fetched body.
	 * @param body the bytes as fetched (already decompressed)
	 * @param contentType the HTTP Content-Type header, or {@code null}
	 * @param feedUrl where the body came from, to resolve relative links
	 * @throws FeedParseException when the body is not a feed ROME can read, with the
	 * reason
	 */
	public ParsedFeed parse(byte[] body, @Nullable String contentType, URI feedUrl) throws FeedParseException {
		if (body.length == 0) {
			throw new FeedParseException("empty response body: no feed at " + feedUrl);
		}
		SyndFeed feed = build(body, contentType, feedUrl);
		URI base = baseOf(feed, feedUrl);
		List<FeedEntry> entries = new ArrayList<>(feed.getEntries().size());
		for (SyndEntry entry : feed.getEntries()) {
			entries.add(entry(entry, base));
		}
		return new ParsedFeed(feed.getFeedType(), blankToNull(textOf(feed.getTitle())), absolute(base, feed.getLink()),
				blankToNull(feed.getLanguage()), entries);
	}

	private static SyndFeed build(byte[] body, @Nullable String contentType, URI feedUrl) throws FeedParseException {
		try {
			return read(body, contentType, false);
		}
		catch (FeedException | IOException | RuntimeException ex) {
			// Not well-formed: read it again through ROME's healer, which mends HTML
			// entities and junk before the XML declaration one character at a time
			// (too slow to spend on the feeds that need nothing mended).
		}
		try {
			return read(body, contentType, true);
		}
		catch (FeedException | IllegalArgumentException ex) {
			if (looksLikeHtml(body)) {
				throw new FeedParseException(feedUrl + " is an HTML page, not a feed (" + messageOf(ex) + ")", ex);
			}
			if (messageOf(ex).contains("DOCTYPE is disallowed")) {
				throw new FeedParseException("refused the feed at " + feedUrl
						+ ": it declares a DOCTYPE, which is never accepted so that no external or nested entity"
						+ " is expanded (" + messageOf(ex) + ")", ex);
			}
			if (ex instanceof FeedException) {
				throw new FeedParseException("invalid feed XML at " + feedUrl + ": " + messageOf(ex), ex);
			}
			throw new FeedParseException(feedUrl + " is not a recognised RSS, RDF or Atom feed (" + messageOf(ex) + ")",
					ex);
		}
		catch (IOException ex) {
			throw new FeedParseException("cannot decode the feed at " + feedUrl + ": " + messageOf(ex), ex);
		}
		catch (RuntimeException ex) {
			throw new FeedParseException("feed parser failed on " + feedUrl + ": " + messageOf(ex), ex);
		}
	}

	private static SyndFeed read(byte[] body, @Nullable String contentType, boolean heal)
			throws FeedException, IOException {
		WireFeedInput input = new ParserCheckedInput();
		// Stated, not assumed: ROME 2's default, and the reason the XXE and entity-bomb
		// files are refused before any entity is read.
		input.setAllowDoctypes(false);
		input.setXmlHealerOn(heal);
		// Buffered: the healer reads one character at a time, each a trip through the
		// charset decoder without it.
		try (Reader reader = new BufferedReader(reader(body, contentType))) {
			return new SyndFeedImpl(input.build(reader));
		}
	}

	/**
	 * ROME's input without JDOM's second check of each name and character: the XML parser
	 * has checked them already, and checking again was 7% of ingest's CPU on full-text
	 * feeds.
	 */
	private static final class ParserCheckedInput extends WireFeedInput {

		ParserCheckedInput() {
			super(false, Locale.US);
		}

		@Override
		protected SAXBuilder createSAXBuilder() {
			SAXBuilder builder = super.createSAXBuilder();
			builder.setJDOMFactory(new UncheckedJDOMFactory());
			return builder;
		}

	}

	private static Reader reader(byte[] body, @Nullable String contentType) throws IOException {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
			try {
				// Strict mode: ROME's lenient mode would let the XML declaration override
				// the HTTP charset.
				return new XmlReader(new ByteArrayInputStream(body), contentType, false, DEFAULT_ENCODING);
			}
			catch (XmlReaderException | UnsupportedEncodingException ex) {
				// Header and document disagree in a way strict mode refuses (a BOM, an
				// unknown charset): let the document speak for itself.
			}
		}
		return new XmlReader(new ByteArrayInputStream(body), true, DEFAULT_ENCODING);
	}

	private static FeedEntry entry(SyndEntry entry, @Nullable URI base) {
		return new FeedEntry(blankToNull(entry.getUri()), absolute(base, entry.getLink()), title(entry), content(entry),
				html(entry.getDescription()), instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()),
				author(entry));
	}

	private static @Nullable String title(SyndEntry entry) {
		SyndContent title = entry.getTitleEx();
		if (title != null && title.getType() != null && title.getType().toLowerCase(Locale.ROOT).contains("html")) {
			return blankToNull(textOf(title.getValue()));
		}
		return blankToNull(textOf(entry.getTitle()));
	}

	private static @Nullable String content(SyndEntry entry) {
		StringBuilder html = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			String value = html(content);
			if (value != null) {
				html.append((html.length() > 0) ? "\n" : "").append(value);
			}
		}
		return blankToNull(html.toString());
	}

	/**
	 * The content as HTML: plain text is escaped so that it reads the same after parsing.
	 */
	private static @Nullable String html(@Nullable SyndContent content) {
		if (content == null || content.getValue() == null || content.getValue().isBlank()) {
			return null;
		}
		String type = (content.getType() != null) ? content.getType().toLowerCase(Locale.ROOT) : "html";
		return (type.equals("text") || type.equals("text/plain")) ? Entities.escape(content.getValue())
				: content.getValue();
	}

	private static @Nullable String author(SyndEntry entry) {
		String author = blankToNull(entry.getAuthor());
		if (author == null) {
			for (SyndPerson person : entry.getAuthors()) {
				author = (author != null) ? author : blankToNull(person.getName());
			}
		}
		return author;
	}

	private static @Nullable URI baseOf(SyndFeed feed, URI feedUrl) {
		String link = absolute(feedUrl, feed.getLink());
		try {
			return (link != null) ? URI.create(link) : feedUrl;
		}
		catch (IllegalArgumentException ex) {
			return feedUrl;
		}
	}

	/**
	 * The link made absolute against {@code base}; a link that is not a URI is dropped.
	 */
	static @Nullable String absolute(@Nullable URI base, @Nullable String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(link.trim());
			if (uri.isAbsolute()) {
				return uri.toString();
			}
			return (base != null && base.isAbsolute() && !base.isOpaque()) ? base.resolve(uri).toString() : null;
		}
		catch (java.net.URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String textOf(@Nullable String maybeHtml) {
		if (maybeHtml == null) {
			return null;
		}
		return (maybeHtml.indexOf('<') >= 0 || maybeHtml.indexOf('&') >= 0) ? Jsoup.parse(maybeHtml).text()
				: maybeHtml.strip();
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** An HTML document: its first element (after declarations and comments) is html. */
	private static boolean looksLikeHtml(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
		return HTML_START.matcher(start).lookingAt();
	}

	private static String messageOf(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

}
