package org.stancewatch.ingest.article;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * HTML to plain text for the rule engine: one paragraph per block element, separated by a
 * blank line; a {@code <br>
 * } is a line break; scripts, styles and other non-text elements are dropped; runs of
 * white space inside a paragraph become one space.
 */
public final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
			"aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
			"figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "caption", "hr", "address", "details",
			"summary");

	private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
			+ "video, audio, form, button, select, textarea, input, head";

	private HtmlText() {
	}

	/** The plain text of an HTML document or fragment; empty for {@code null}. */
	public static String toPlainText(@Nullable String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Element body = Jsoup.parse(html).body();
		return elementText(body);
	}

	/** The plain text of an element already parsed. */
	static String elementText(Element root) {
		Element copy = root.clone();
		copy.select(DROPPED).remove();
		TextCollector collector = new TextCollector();
		NodeTraversor.traverse(collector, copy);
		return collector.text();
	}

	private static final class TextCollector implements NodeVisitor {

		private final StringBuilder text = new StringBuilder();

		/**
		 * Pending white space: 0 none, 1 a space, 2 a line break, 3 a paragraph break.
		 */
		private int pendingBreak;

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				append(textNode.getWholeText());
			}
			else if (node instanceof Element element) {
				if (element.nameIs("br")) {
					breakAtLeast(2);
				}
				else if (BLOCKS.contains(element.normalName())) {
					breakAtLeast(3);
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
				breakAtLeast(3);
			}
		}

		private void append(String raw) {
			for (int i = 0; i < raw.length(); i++) {
				char c = raw.charAt(i);
				if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
					breakAtLeast(1);
				}
				else {
					flushBreak();
					this.text.append(c);
				}
			}
		}

		private void breakAtLeast(int kind) {
			this.pendingBreak = Math.max(this.pendingBreak, kind);
		}

		private void flushBreak() {
			if (this.text.length() > 0) {
				switch (this.pendingBreak) {
					case 1 -> this.text.append(' ');
					case 2 -> this.text.append('\n');
					case 3 -> this.text.append("\n\n");
					default -> {
					}
				}
			}
			this.pendingBreak = 0;
		}

		String text() {
			return this.text.toString();
		}

	}

}
