package org.stancewatch.contracts;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArticleFileTests {

	@Test
	void readsHeaderFieldsAndBody() {
		ArticleFile file = ArticleFile.parse("""
				url: https://news.example/kabul-envoy
				title: Envoy accepted
				published: 2025-07-04
				source: news.example
				---
				First line of the body.
				Second line: with a colon.
				""");
		assertThat(file.url()).isEqualTo("https://news.example/kabul-envoy");
		assertThat(file.title()).isEqualTo("Envoy accepted");
		assertThat(file.source()).isEqualTo("news.example");
		assertThat(file.publishedAt()).isEqualTo(Instant.parse("2025-07-04T00:00:00Z"));
		assertThat(file.body()).isEqualTo("First line of the body.\nSecond line: with a colon.\n");
	}

	@Test
	void fileWithoutHeaderIsAllBody() {
		String text = "Uzbekistan signed a transit agreement with Kabul.\n---\nmore text";
		ArticleFile file = ArticleFile.parse(text);
		assertThat(file.url()).isNull();
		assertThat(file.title()).isNull();
		assertThat(file.publishedAt()).isNull();
		assertThat(file.body()).isEqualTo(text);
	}

	@Test
	void headerMayOmitFieldsAndUseCrLfAndAnyCase() {
		ArticleFile file = ArticleFile
			.parse("URL: https://a.example/1\r\nPublished: 2025-07-04T09:14:00+05:30\r\n---\r\nBody");
		assertThat(file.url()).isEqualTo("https://a.example/1");
		assertThat(file.title()).isNull();
		assertThat(file.publishedAt()).isEqualTo(Instant.parse("2025-07-04T03:44:00Z"));
		assertThat(file.body()).isEqualTo("Body");
	}

	@Test
	void headerWithoutSeparatorIsMalformed() {
		assertThatIllegalArgumentException().isThrownBy(() -> ArticleFile.parse("url: https://a.example/1\ntitle: x\n"))
			.withMessageContaining("---");
	}

	@Test
	void unknownHeaderLineBeforeSeparatorIsMalformed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArticleFile.parse("url: https://a.example/1\nThe body started too early\n---\n"))
			.withMessageContaining("Line 2");
	}

	@Test
	void repeatedHeaderIsMalformed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArticleFile.parse("url: https://a.example/1\nurl: https://a.example/2\n---\nx"))
			.withMessageContaining("twice");
	}

	@Test
	void unreadablePublicationDateIsReportedWhenAsked() {
		ArticleFile file = ArticleFile.parse("published: last Thursday\n---\nx");
		assertThat(file.published()).isEqualTo("last Thursday");
		assertThatIllegalArgumentException().isThrownBy(file::publishedAt).withMessageContaining("last Thursday");
	}

}
