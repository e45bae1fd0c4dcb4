package org.stancewatch.ingest.article;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FullTextExtractorTests {

	private static final URI PAGE = URI.create("https://steppe-wire.example/world/delisting");

	/**
	 * A page as news sites build them: navigation, the story, a sidebar, comments,
	 * footer.
	 */
	private static final String PAGE_HTML = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Kazakhstan drops Taliban from banned list | Steppe Wire</title>
			<script>window.analytics = { page: 'world' };</script><style>body { font-family: serif; }</style></head>
			<body>
			<header class="site-header"><nav class="main-nav"><ul>
			  <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
			  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
			<main>
			<article class="story">
			  <h1>Kazakhstan drops Taliban from banned list</h1>
			  <p class="byline">By Aru Sadykova</p>
			"""
			+ ArticleFixtures.DELISTING_ORIGINAL
			+ """
					</article>
					<aside class="sidebar related"><h3>Most read</h3><ul>
					  <li><a href="/x1">Rail freight record set in December</a></li>
					  <li><a href="/x2">Ministers meet on water sharing</a></li></ul></aside>
					<section id="comments" class="comments">
					  <h3>Comments (2)</h3>
					  <div class="comment"><p>Reader from Almaty: this was overdue, trade matters more than labels.</p></div>
					  <div class="comment"><p>Anonymous: what about the schools? Nobody asks.</p></div>
					</section>
					</main>
					<footer class="site-footer"><p>Steppe Wire, 12 Example Avenue. All rights reserved.</p>
					  <p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/cookies">Cookies</a></p></footer>
					</body></html>
					""";

	private final FullTextExtractor extractor = new FullTextExtractor();

	@Test
	void shouldExtractTheStoryAndLeaveOutNavigationSidebarCommentsAndFooter() {
		Optional<String> text = this.extractor.extract(PAGE_HTML, PAGE);

		assertThat(text).hasValueSatisfying((body) -> {
			assertThat(body).contains("removed the Taliban movement from its national list of banned")
				.contains("A ministry spokesman told reporters")
				.contains("supporters say contact is the only way to influence policy in Kabul.");
			assertThat(body).doesNotContain("Subscribe", "Most read", "Rail freight record", "Reader from Almaty",
					"Nobody asks", "All rights reserved", "Privacy", "window.analytics", "font-family");
			assertThat(body).contains("two decades.\n\nA ministry spokesman");
		});
	}

	@Test
	void shouldDecodeThePageByItsMetaCharsetWhenTheHeaderNamesNone() {
		String latin = PAGE_HTML.replace("<meta charset=\"utf-8\">", "<meta charset=\"iso-8859-1\">")
			.replace("Astana said", "Astana déclaré");
		byte[] bytes = latin.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(this.extractor.extract(bytes, null, PAGE))
			.hasValueSatisfying((body) -> assertThat(body).contains("Astana déclaré"));
		assertThat(this.extractor.extract(bytes, Charset.forName("ISO-8859-1"), PAGE))
			.hasValueSatisfying((body) -> assertThat(body).contains("Astana déclaré"));
	}

	@Test
	void shouldGiveNothingForAPageWithoutAnArticle() {
		String index = """
				<html><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav>
				<ul><li><a href="/s1">Headline one</a></li><li><a href="/s2">Headline two</a></li></ul>
				<footer>All rights reserved.</footer></body></html>
				""";

		assertThat(this.extractor.extract(index, PAGE)).isEmpty();
		assertThat(this.extractor.extract(new byte[0], null, PAGE)).isEmpty();
	}

	@Test
	void shouldAskForTheFullTextOnlyWhenTheFeedTextIsATeaser() {
		assertThat(this.extractor.wantsFullText("Astana ends a designation that stood for two decades.")).isTrue();
		assertThat(this.extractor.wantsFullText(HtmlText.toPlainText(ArticleFixtures.DELISTING_ORIGINAL))).isFalse();
	}

}
