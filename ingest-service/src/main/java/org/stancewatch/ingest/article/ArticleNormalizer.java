package org.stancewatch.ingest.article;

import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Article;

/**
 * From a feed entry (or a posted or imported article, given as a {@link FeedEntry}) to
 * the contract {@link Article}. {@code duplicateOf} is left {@code null}: linking a copy
 * to the first article needs the database (see {@link NearDuplicates}).
 */
public final class ArticleNormalizer {

	/** The {@code source} of an article imported from a file that names no URL. */
	static final String LOCAL_FILE_SOURCE = "local-file";

	/** Keeps every record far below Kafka's default 1 MB message limit. */
	static final int MAX_TEXT_CHARS = 200_000;

	static final int MAX_SUMMARY_CHARS = 2_000;

	static final int MAX_TITLE_CHARS = 500;

	/** A date further ahead of the fetch than any time zone error is a feed bug. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

	/**
	 * Normalises one entry.
	 * @param entry the entry as parsed
	 * @param feedId the feed it came from; {@code null} for a posted or imported article
	 * @param feedUrl the feed's URL, used only when the entry has no usable link
	 * @param language the language when known (feed or request), any BCP 47 spelling
	 * @param fetchedAt when it was fetched
	 * @throws IllegalArgumentException when the entry can be identified neither by a link
	 * nor by feed and guid
	 */
	public Article normalize(FeedEntry entry, @Nullable String feedId, @Nullable URI feedUrl, @Nullable String language,
			Instant fetchedAt) {
		Identity identity = identify(entry, feedId, feedUrl);
		String text = truncate(HtmlText.toPlainText(entry.bodyHtml()), MAX_TEXT_CHARS);
		String summary = truncate(HtmlText.toPlainText(entry.summaryHtml()), MAX_SUMMARY_CHARS);
		return new Article(identity.id(), identity.url(), identity.canonicalUrl(), title(entry, text),
				identity.source(), feedId, publishedAt(entry, fetchedAt), fetchedAt, languageTag(language), text,
				summary.isEmpty() ? null : summary, contentHash(text), null);
	}

	/**
	 * The article with its text replaced, for instance by the full text of its page; the
	 * content hash follows the new text.
	 */
	public Article withText(Article article, String text) {
		String capped = truncate(text, MAX_TEXT_CHARS);
		return new Article(article.id(), article.url(), article.canonicalUrl(), article.title(), article.source(),
				article.feedId(), article.publishedAt(), article.fetchedAt(), article.language(), capped,
				article.summary(), contentHash(capped), article.duplicateOf());
	}

	/** The article marked as a copy of an earlier one. */
	public Article asDuplicateOf(Article article, String firstArticleId) {
		return new Article(article.id(), article.url(), article.canonicalUrl(), article.title(), article.source(),
				article.feedId(), article.publishedAt(), article.fetchedAt(), article.language(), article.text(),
				article.summary(), article.contentHash(), firstArticleId);
	}

	/**
	 * SHA-256 of the text with Unicode NFC, stripped, and each run of ASCII white space
	 * (what {@code \s} matches in a Java regular expression) made one space: stored
	 * hashes were taken so, and copies are matched by them.
	 */
	public static String contentHash(String text) {
		return Hashes.sha256Hex(singleSpaced(Normalizer.normalize(text, Normalizer.Form.NFC).strip()));
	}

	/**
	 * A loop rather than {@code replaceAll}: that was 7% of ingest's CPU on full texts.
	 */
	private static String singleSpaced(String text) {
		StringBuilder spaced = new StringBuilder(text.length());
		boolean inSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
			if (!space) {
				spaced.append(c);
			}
			else if (!inSpace) {
				spaced.append(' ');
			}
			inSpace = space;
		}
		return spaced.toString();
	}

	private record Identity(String id, String url, String canonicalUrl, String source) {
	}

	private static Identity identify(FeedEntry entry, @Nullable String feedId, @Nullable URI feedUrl) {
		if (entry.link() != null && entry.link().regionMatches(true, 0, "file:", 0, 5)) {
			// An imported file that names no URL of its own is known by its path.
			String file = URI.create(entry.link()).normalize().toString();
			return new Identity(idOfUrl(file), file, file, LOCAL_FILE_SOURCE);
		}
		String link = usableUrl(entry.link());
		if (link == null) {
			link = usableUrl(entry.guid());
		}
		if (link != null) {
			String canonical = UrlCanonicalizer.canonicalize(link);
			return new Identity(idOfUrl(canonical), link, canonical, UrlCanonicalizer.sourceHost(link));
		}
		String feedPage = (feedUrl != null) ? usableUrl(feedUrl.toString()) : null;
		if (entry.guid() == null || feedId == null || feedPage == null) {
			throw new IllegalArgumentException(
					"entry '" + entry.title() + "' has no usable link, and no guid with a feed to identify it by");
		}
		// No page of its own: it is known by feed and guid, and found through the feed.
		return new Identity(idOfFeedEntry(feedId, entry.guid()), feedPage, UrlCanonicalizer.canonicalize(feedPage),
				UrlCanonicalizer.sourceHost(feedPage));
	}

	/**
	 * The id of the article at a canonical URL: the first 128 bits of its SHA-256, in hex
	 * (short enough for keys, far from any collision).
	 */
	public static String idOfUrl(String canonicalUrl) {
		return Hashes.sha256Hex(canonicalUrl).substring(0, 32);
	}

	/**
	 * The id of an entry without a page of its own. The line break cannot occur in a URL,
	 * so these ids never meet those of {@link #idOfUrl(String)}.
	 */
	public static String idOfFeedEntry(String feedId, String guid) {
		return Hashes.sha256Hex(feedId + "\n" + guid).substring(0, 32);
	}

	private static @Nullable String usableUrl(@Nullable String candidate) {
		if (candidate == null) {
			return null;
		}
		try {
			UrlCanonicalizer.canonicalize(candidate);
			return candidate.strip();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String title(FeedEntry entry, String text) {
		if (entry.title() != null) {
			return truncate(entry.title(), MAX_TITLE_CHARS);
		}
		String firstLine = text.lines().findFirst().orElse("");
		return truncate(firstLine, 120);
	}

	private static @Nullable Instant publishedAt(FeedEntry entry, Instant fetchedAt) {
		Instant date = (entry.publishedAt() != null) ? entry.publishedAt() : entry.updatedAt();
		if (date == null || date.isAfter(fetchedAt.plus(FUTURE_TOLERANCE))) {
			return null;
		}
		return date;
	}

	static @Nullable String languageTag(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(language.strip().replace('_', '-')).build();
			String tag = locale.toLanguageTag();
			return (tag.isEmpty() || tag.equals("und")) ? null : tag;
		}
		catch (IllformedLocaleException ex) {
			return null;
		}
	}

	private static String truncate(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

}
