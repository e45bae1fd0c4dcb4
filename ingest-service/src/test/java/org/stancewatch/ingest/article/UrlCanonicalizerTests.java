package org.stancewatch.ingest.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UrlCanonicalizerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					HTTPS://News.Example.ORG/World/Story.html                          | https://news.example.org/World/Story.html
					https://news.example.org:443/a                                      | https://news.example.org/a
					http://news.example.org:80/a                                        | http://news.example.org/a
					http://news.example.org:8080/a                                      | http://news.example.org:8080/a
					https://news.example.org                                            | https://news.example.org/
					https://news.example.org/a#comments                                 | https://news.example.org/a
					https://news.example.org/a/./b/../c                                 | https://news.example.org/a/c
					https://news.example.org/a?utm_source=rss&utm_medium=feed&id=7      | https://news.example.org/a?id=7
					https://news.example.org/a?fbclid=x1&gclid=y2&mc_cid=1&mc_eid=2     | https://news.example.org/a
					https://news.example.org/a?ref=homepage&cmpid=nl&page=2&lang=en     | https://news.example.org/a?lang=en&page=2
					https://news.example.org/a?z=1&b=2&a=3                              | https://news.example.org/a?a=3&b=2&z=1
					https://news.example.org/a?UTM_Campaign=x&q=caf%C3%A9               | https://news.example.org/a?q=caf%C3%A9
					https://news.example.org/a?                                         | https://news.example.org/a
					https://bücher.example/seite                                        | https://xn--bcher-kva.example/seite
					""")
	void shouldCanonicalize(String url, String canonical) {
		assertThat(UrlCanonicalizer.canonicalize(url)).isEqualTo(canonical);
	}

	@Test
	void shouldGiveTheSameCanonicalUrlToTheSameStoryReachedDifferently() {
		assertThat(UrlCanonicalizer.canonicalize("https://WWW.news.example.org/x?utm_source=twitter#top"))
			.isEqualTo(UrlCanonicalizer.canonicalize("https://www.news.example.org:443/x?fbclid=abc"));
	}

	@Test
	void shouldNameTheSourceHostWithoutWww() {
		assertThat(UrlCanonicalizer.sourceHost("https://WWW.Kabul-Times.example/politics/1"))
			.isEqualTo("kabul-times.example");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/relative/path", "mailto:desk@news.example.org", "ftp://news.example.org/a",
			"https://exa mple.org:notaport/" })
	void shouldRefuseWhatIsNotAnAbsoluteHttpUrl(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> UrlCanonicalizer.canonicalize(url))
			.withMessageContaining(url.strip());
	}

}
