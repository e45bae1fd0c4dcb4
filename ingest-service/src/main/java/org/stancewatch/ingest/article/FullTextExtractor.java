package org.stancewatch.ingest.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The main text of an article page, without navigation, footer, comments or related
 * links: Mozilla's Readability algorithm as ported by Readability4J, on jsoup, then
 * {@link HtmlText} for paragraphs. The poller falls back to the feed text when this gives
 * nothing.
 */
public final class FullTextExtractor {

	/** Below this many characters a feed text is a teaser worth replacing. */
	public static final int DEFAULT_MIN_CHARS = 500;

	private final int minChars;

	public FullTextExtractor() {
		this(DEFAULT_MIN_CHARS);
	}

	/**
	 * @param minChars shortest extracted text accepted as the article's body
	 */
	public FullTextExtractor(int minChars) {
		this.minChars = minChars;
	}

	/** Whether a feed's text is short enough that the page should be fetched. */
	public boolean wantsFullText(String feedText) {
		return feedText.strip().length() < this.minChars;
	}

	/**
	 * Extracts from fetched bytes, decoding them by the HTTP charset when given, else by
	 * the BOM or the page's {@code <meta charset>}, else UTF-8.
	 */
	public Optional<String> extract(byte[] body, @Nullable Charset charset, URI pageUrl) {
		try {
			Document page = Jsoup.parse(new ByteArrayInputStream(body), (charset != null) ? charset.name() : null,
					pageUrl.toString());
			return extract(page, pageUrl);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** Extracts from a page's HTML; empty when no main text of useful length is found. */
	public Optional<String> extract(String html, URI pageUrl) {
		return extract(Jsoup.parse(html, pageUrl.toString()), pageUrl);
	}

	private Optional<String> extract(Document page, URI pageUrl) {
		try {
			Element content = new Readability4JExtended(pageUrl.toString(), page).parse().getArticleContent();
			if (content == null) {
				return Optional.empty();
			}
			String text = HtmlText.elementText(content);
			return (text.length() >= this.minChars) ? Optional.of(text) : Optional.empty();
		}
		catch (RuntimeException ex) {
			// A page the port cannot handle is a page without extracted text, not a
			// failure
			// of the poll: the feed text stays.
			return Optional.empty();
		}
	}

}
