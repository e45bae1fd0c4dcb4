package org.stancewatch.ingest.article;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;

import org.springframework.stereotype.Component;

/**
 * From a feed item, or an article posted or imported, to a normalised {@link Article}
 * with the fingerprint used to find its syndicated copies.
 *
 * <p>
 * Ids: the SHA-256 of the canonical URL, so the same story reached through tracking links
 * is one article; an item without a link gets the SHA-256 of its feed and guid (or,
 * lacking a guid, of its title and date), so an edited item keeps its id.
 */
@Component
public class ArticleReader {

	/** The {@code source} of an article imported from a file that names no URL. */
	static final String FILE_SOURCE = "local-file";

	/**
	 * The id the article will have, computed before any page is fetched, so known items
	 * cost nothing.
	 * @throws IllegalArgumentException when the item has neither a usable link nor a guid
	 * or title
	 */
	public String idOf(FeedEntry entry, long feedId) {
		if (entry.link() != null) {
			return Hashes.sha256Hex(UrlCanonicalizer.canonicalize(entry.link()));
		}
		if (entry.guid() != null && !entry.guid().isBlank()) {
			return Hashes.sha256Hex("feed:" + feedId + "\nguid:" + entry.guid().trim());
		}
		if (entry.title() != null && !entry.title().isBlank()) {
			return Hashes.sha256Hex("feed:" + feedId + "\ntitle:" + entry.title().trim() + "\n" + entry.publishedAt());
		}
		throw new IllegalArgumentException("item has no link, guid or title");
	}

	/**
	 * @param entry the feed item
	 * @param language the feed's language, when it declares one
	 * @param feedId the feed it came from
	 * @param feedUrl the feed's URL, used as the article URL of an item without a link
	 * @param fetchedAt when the feed was fetched
	 * @param pageText the main text of the item's page when it was fetched, else
	 * {@code null}
	 */
	public Normalized fromEntry(FeedEntry entry, @Nullable String language, long feedId, URI feedUrl, Instant fetchedAt,
			@Nullable String pageText) {
		String id = idOf(entry, feedId);
		String url = (entry.link() != null) ? entry.link() : feedUrl.toString();
		String summary = HtmlText.toPlainText(entry.summaryHtml());
		String feedText = HtmlText.toPlainText(entry.bodyHtml());
		String text = (pageText != null && pageText.length() > feedText.length()) ? pageText : feedText;
		String title = (entry.title() != null) ? entry.title().strip() : "";
		return normalized(new Article(id, url, canonical(url), title, UrlCanonicalizer.sourceHost(url),
				Long.toString(feedId), entry.publishedAt(), fetchedAt, language, text,
				summary.isEmpty() ? null : summary, contentHash(text), null));
	}

	/**
	 * An article posted through the API or imported from a file.
	 * @param url its URL
	 * @param title its title
	 * @param body its body, plain text or HTML
	 * @param publishedAt when it was published, when known
	 * @param language its language, when known
	 */
	public Normalized fromSubmitted(String url, @Nullable String title, String body, @Nullable Instant publishedAt,
			@Nullable String language, Instant receivedAt) {
		String canonical = canonical(url);
		String text = body.contains("<") ? HtmlText.toPlainText(body) : body.strip();
		return normalized(new Article(Hashes.sha256Hex(canonical), url, canonical, (title != null) ? title.strip() : "",
				isFile(url) ? FILE_SOURCE : UrlCanonicalizer.sourceHost(url), null, publishedAt, receivedAt, language,
				text, null, contentHash(text), null));
	}

	private static Normalized normalized(Article article) {
		return new Normalized(article, NearDuplicates.fingerprint(article.text()));
	}

	/**
	 * A file imported without a {@code url:} header keeps its {@code file:} URI as its
	 * URL.
	 */
	private static String canonical(String url) {
		return isFile(url) ? URI.create(url).normalize().toString() : UrlCanonicalizer.canonicalize(url);
	}

	private static boolean isFile(String url) {
		return url.regionMatches(true, 0, "file:", 0, 5);
	}

	private static String contentHash(String text) {
		return "sha256:" + Hashes.sha256Hex(text);
	}

	/**
	 * @param article the normalised article ({@code duplicateOf} is decided when it is
	 * stored)
	 * @param fingerprint SimHash of its text
	 */
	public record Normalized(Article article, long fingerprint) {
	}

}
