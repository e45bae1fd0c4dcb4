package org.stancewatch.extract.rules;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Tells headlines apart from the body: the article's title repeated in its text, and
 * title-cased lines without a full stop (headlines, sub-headings). An act they name is
 * usually told again, with its date, in the body, which is the better evidence.
 */
final class Headlines {

	/**
	 * Below this many words a title-cased line may be a name or a byline, not a headline.
	 */
	private static final int MIN_WORDS = 3;

	private final String title;

	Headlines(@Nullable String title) {
		this.title = (title != null) ? letters(title, 0, title.length()) : "";
	}

	boolean isHeadline(String text, Sentence sentence) {
		// A headline run together with the line under it (a dek) still opens with it.
		if (!this.title.isEmpty() && letters(text, sentence.start(), sentence.end()).startsWith(this.title)) {
			return true;
		}
		return isWholeLine(text, sentence) && !endsWithStop(text, sentence) && isTitleCased(sentence.tokens());
	}

	private static boolean isWholeLine(String text, Sentence sentence) {
		int before = sentence.start() - 1;
		while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
			before--;
		}
		int after = sentence.end();
		while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
			after++;
		}
		return (before < 0 || isLineBreak(text.charAt(before)))
				&& (after >= text.length() || isLineBreak(text.charAt(after)));
	}

	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r';
	}

	private static boolean endsWithStop(String text, Sentence sentence) {
		char last = text.charAt(sentence.end() - 1);
		return ".!?\"”’'…:;,".indexOf(last) >= 0;
	}

	/**
	 * Most words of four letters or more start with a capital: "Russia Opens Embassy",
	 * "RUSSIA OPENS EMBASSY".
	 */
	static boolean isTitleCased(List<Token> tokens) {
		int words = 0;
		int capitalized = 0;
		for (Token token : tokens) {
			if (token.isWord() && token.norm().length() >= 4 && Character.isLetter(token.norm().charAt(0))) {
				words++;
				if (token.isCapitalized()) {
					capitalized++;
				}
			}
		}
		return words >= MIN_WORDS && capitalized * 10 >= words * 8;
	}

	/** Letters and digits only, lower case: "Russia’s" and "Russia's" compare equal. */
	static String letters(String text, int from, int to) {
		StringBuilder kept = new StringBuilder(to - from);
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				kept.append(c);
			}
		}
		return kept.toString().toLowerCase(Locale.ROOT);
	}

}
