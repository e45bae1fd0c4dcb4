package org.stancewatch.extract.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import tools.jackson.core.JacksonException;

/**
 * Reads the value of an articles record. The record's CloudEvents headers are not needed:
 * the topic carries only articles, so a plain JSON article reads the same.
 */
final class ArticleJson {

	private ArticleJson() {
	}

	/**
	 * @throws UnprocessableArticleException when the bytes are not an article or lack a
	 * required field ({@code id}, {@code url}, {@code text})
	 */
	static Article read(byte[] value) {
		Article article;
		try {
			article = EventJson.read(value, Article.class);
		}
		catch (JacksonException ex) {
			throw new UnprocessableArticleException("Not an article in JSON: " + ex.getOriginalMessage(), ex);
		}
		if (article == null) {
			throw new UnprocessableArticleException("Not an article in JSON: the value is JSON null");
		}
		List<String> missing = missingFields(article);
		if (!missing.isEmpty()) {
			throw new UnprocessableArticleException(
					"Article '" + article.id() + "' lacks required fields: " + String.join(", ", missing));
		}
		return article;
	}

	// Jackson fills absent record components with null; the record's types say they are
	// not.
	@SuppressWarnings("ConstantValue")
	private static List<String> missingFields(Article article) {
		List<String> missing = new ArrayList<>();
		if (article.id() == null || article.id().isBlank()) {
			missing.add("id");
		}
		if (article.url() == null || article.url().isBlank()) {
			missing.add("url");
		}
		if (article.text() == null) {
			missing.add("text");
		}
		return missing;
	}

}
