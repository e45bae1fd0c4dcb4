package org.stancewatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.stancewatch.contracts.Article;

/** RSS as the benchmarks' feed servers serve it, and as the feed benchmarks parse it. */
final class BenchmarkFeeds {

	private BenchmarkFeeds() {
	}

	/**
	 * An {@link ArticleCorpus} article as a feed item with its full text, as many news
	 * feeds carry it: paragraphs in {@code content:encoded}, the first one as
	 * description.
	 */
	static String fullTextItem(Article article) {
		String[] paragraphs = article.text().split("\n\n");
		StringBuilder html = new StringBuilder();
		for (String paragraph : paragraphs) {
			html.append("<p>").append(xml(paragraph)).append("</p>");
		}
		String published = (article.publishedAt() != null) ? "<pubDate>"
				+ DateTimeFormatter.RFC_1123_DATE_TIME.format(article.publishedAt().atOffset(ZoneOffset.UTC))
				+ "</pubDate>" : "";
		return "<item><guid>" + article.url() + "</guid><link>" + article.url() + "</link><title>"
				+ xml(article.title()) + "</title><description>" + xml(paragraphs[0]) + "</description>"
				+ "<content:encoded>" + xml(html.toString()) + "</content:encoded>" + published + "</item>";
	}

	/** An RSS 2.0 feed of these items, numbered {@code feed}. */
	static byte[] rss(int feed, List<String> items) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
				+ "<channel><title>Desk " + feed + "</title><link>http://desk" + feed + ".example.org/</link>"
				+ String.join("", items) + "</channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
