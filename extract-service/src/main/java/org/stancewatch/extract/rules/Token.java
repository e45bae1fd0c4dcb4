package org.stancewatch.extract.rules;

/**
 * A word or punctuation mark of an article, with its offsets in the article's text.
 * {@code norm} is the text with typographic apostrophes made plain; {@code lower} is it
 * in lower case.
 */
record Token(String norm, String lower, int start, int end) {

	boolean is(String word) {
		return this.lower.equals(word);
	}

	boolean isWord() {
		return Character.isLetterOrDigit(this.norm.charAt(0)) || this.norm.startsWith("'");
	}

	boolean isCapitalized() {
		return Character.isUpperCase(this.norm.charAt(0));
	}

}
