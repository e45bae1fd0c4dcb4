package org.stancewatch.extract.rules;

import java.util.List;

/**
 * A sentence of an article: its offsets in the article's text and its tokens.
 *
 * @param index position among the article's sentences
 * @param start offset of its first character
 * @param end offset just past its last character
 * @param tokens its words and punctuation
 */
record Sentence(int index, int start, int end, List<Token> tokens) {

	String text(String articleText) {
		return articleText.substring(this.start, this.end);
	}

	/** Whether it reads as prose rather than a menu item or a byline. */
	boolean isProse() {
		int words = 0;
		for (Token token : this.tokens) {
			if (token.isWord() && ++words >= 6) {
				return true;
			}
		}
		return false;
	}

}
