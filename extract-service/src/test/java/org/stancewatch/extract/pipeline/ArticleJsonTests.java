package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArticleJsonTests {

	@Test
	void shouldReadTheArticleIngestWrites() {
		Article article = Articles.article("a-1", "Envoys met in Doha on Tuesday.");

		assertThat(ArticleJson.read(EventJson.write(article))).isEqualTo(article);
	}

	@Test
	void shouldIgnoreFieldsAddedLaterToTheTopic() {
		String json = EventJson.writeString(Articles.article("a-2", "Text."))
			.replaceFirst("\\{", "{\"sentiment\":\"mixed\",");

		assertThat(ArticleJson.read(bytes(json)).id()).isEqualTo("a-2");
	}

	@Test
	void shouldRejectBytesThatAreNotJson() {
		assertThatExceptionOfType(UnprocessableArticleException.class)
			.isThrownBy(() -> ArticleJson.read(bytes("<rss><item>not json</item></rss>")))
			.withMessageStartingWith("Not an article in JSON: ");
	}

	@Test
	void shouldRejectJsonThatIsNotAnObject() {
		assertThatExceptionOfType(UnprocessableArticleException.class)
			.isThrownBy(() -> ArticleJson.read(bytes("[\"an\", \"array\"]")))
			.withMessageStartingWith("Not an article in JSON: ");
		assertThatExceptionOfType(UnprocessableArticleException.class).isThrownBy(() -> ArticleJson.read(bytes("null")))
			.withMessage("Not an article in JSON: the value is JSON null");
	}

	@Test
	void shouldNameEveryMissingRequiredField() {
		assertThatExceptionOfType(UnprocessableArticleException.class)
			.isThrownBy(() -> ArticleJson.read(bytes("{\"id\":\"a-3\",\"title\":\"Only a title\"}")))
			.withMessage("Article 'a-3' lacks required fields: url, text");
		assertThatExceptionOfType(UnprocessableArticleException.class)
			.isThrownBy(
					() -> ArticleJson.read(bytes("{\"id\":\" \",\"url\":\"https://news.example/x\",\"text\":\"\"}")))
			.withMessageEndingWith("lacks required fields: id");
	}

	@Test
	void shouldAcceptAnEmptyTextAsAnArticleWithNothingToExtract() {
		assertThat(ArticleJson.read(bytes("{\"id\":\"a-4\",\"url\":\"https://news.example/4\",\"text\":\"\"}")).text())
			.isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
