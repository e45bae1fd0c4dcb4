package org.stancewatch.extract.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.ArticleFile;

/**
 * An article as posted to the try-out endpoint: the fields of {@link Article}, of which
 * only {@code text} is required; the others get the defaults an article without them
 * would have (the id is the SHA-256 of the URL, or of the text when there is no URL).
 */
record ArticleInput(@Nullable String id, @Nullable String url, @Nullable String canonicalUrl, @Nullable String title,
		@Nullable String source, @Nullable String feedId, @Nullable Instant publishedAt, @Nullable Instant fetchedAt,
		@Nullable String language, @Nullable String text, @Nullable String summary, @Nullable String contentHash,
		@Nullable String duplicateOf) {

	static final String TRY_OUT_URL = "urn:stancewatch:try-out:";

	/**
	 * A {@code text/plain} body: an optional header block (url, title, published,
	 * source), then the text.
	 */
	static ArticleInput fromPlainText(String body) {
		ArticleFile file = ArticleFile.parse(body);
		return new ArticleInput(null, file.url(), null, file.title(), file.source(), null, file.publishedAt(), null,
				null, file.body(), null, null, null);
	}

	/**
	 * @throws IllegalArgumentException when there is no text
	 */
	Article toArticle(Instant now) {
		if (this.text == null || this.text.isBlank()) {
			throw new IllegalArgumentException("The article has no text to read");
		}
		String textHash = sha256(this.text);
		String articleUrl = (this.url != null) ? this.url : TRY_OUT_URL + textHash;
		return new Article((this.id != null) ? this.id : sha256(articleUrl), articleUrl,
				(this.canonicalUrl != null) ? this.canonicalUrl : articleUrl, (this.title != null) ? this.title : "",
				(this.source != null) ? this.source : "try-out", this.feedId, this.publishedAt,
				(this.fetchedAt != null) ? this.fetchedAt : now, this.language, this.text, this.summary,
				(this.contentHash != null) ? this.contentHash : textHash, this.duplicateOf);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
