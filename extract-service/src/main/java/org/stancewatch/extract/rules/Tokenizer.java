package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words and punctuation, keeping offsets. A possessive {@code 's} and a
 * negating {@code n't} become tokens of their own, so "Russia's" reads as "Russia" +
 * "'s".
 * <p>
 * What a token is, in order of preference: initials with full stops ("U.S.", "U.N."), a
 * capital with a full stop before a capitalised word ("J. Smith"), letters and digits
 * joined by inner hyphens, apostrophes or full stops ("Mazar-i-Sharif", "Russia's",
 * "3.5"), a detached possessive, and any other single character but white space. A
 * hand-written scanner rather than a regular expression: tokenizing is what the engine
 * does most.
 */
final class Tokenizer {

	private Tokenizer() {
	}

	static List<Token> tokens(String text, int from, int to) {
		List<Token> tokens = new ArrayList<>((to - from) / 5 + 4);
		int i = from;
		while (i < to) {
			int c = text.codePointAt(i);
			if (isSpace(c)) {
				i++;
				continue;
			}
			int end = acronymEnd(text, i, to);
			if (end < 0) {
				end = wordEnd(text, i, to);
			}
			if (end < 0) {
				end = detachedPossessiveEnd(text, i, to);
			}
			if (end < 0) {
				end = i + Character.charCount(c);
			}
			add(tokens, text.substring(i, end), i);
			i = end;
		}
		return tokens;
	}

	static List<Token> tokens(String text) {
		return tokens(text, 0, text.length());
	}

	/** "U.S.", or "J." before a capitalised word: where it ends, or -1. */
	private static int acronymEnd(String text, int start, int to) {
		int i = start;
		int pairs = 0;
		while (i + 1 < to && isUpper(text.charAt(i)) && text.charAt(i + 1) == '.') {
			pairs++;
			i += 2;
		}
		if (pairs >= 2) {
			return i;
		}
		if (pairs == 1 && start + 3 < to && isSpace(text.charAt(start + 2)) && isUpper(text.charAt(start + 3))) {
			return start + 2;
		}
		return -1;
	}

	/** Letters and digits with inner joiners: where the word ends, or -1. */
	private static int wordEnd(String text, int start, int to) {
		int i = runEnd(text, start, to);
		if (i == start) {
			return -1;
		}
		while (i + 1 < to && isJoiner(text.charAt(i))) {
			int next = runEnd(text, i + 1, to);
			if (next == i + 1) {
				break;
			}
			i = next;
		}
		return i;
	}

	private static int runEnd(String text, int start, int to) {
		int i = start;
		while (i < to) {
			int c = text.codePointAt(i);
			if (!isLetterOrNumber(c)) {
				break;
			}
			i += Character.charCount(c);
		}
		return i;
	}

	/** "'s" standing on its own, followed by no letter or digit: where it ends, or -1. */
	private static int detachedPossessiveEnd(String text, int start, int to) {
		if (start + 1 >= to || !isApostrophe(text.charAt(start))) {
			return -1;
		}
		char s = text.charAt(start + 1);
		if (s != 's' && s != 'S') {
			return -1;
		}
		if (start + 2 < to) {
			int after = text.codePointAt(start + 2);
			if (Character.isLetterOrDigit(after) || after == '_') {
				return -1;
			}
		}
		return start + 2;
	}

	/** White space as regular expressions define it by default. */
	private static boolean isSpace(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isUpper(char c) {
		return Character.getType(c) == Character.UPPERCASE_LETTER;
	}

	private static boolean isLetterOrNumber(int c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		if (Character.isLetter(c)) {
			return true;
		}
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	private static boolean isJoiner(char c) {
		return c == '-' || c == '.' || isApostrophe(c);
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '’';
	}

	/** Adds a raw token, split at a name's hyphen, a possessive or a negation. */
	static void add(List<Token> tokens, String raw, int start) {
		int hyphen = raw.indexOf('-');
		if (hyphen > 0 && hyphen < raw.length() - 1 && Character.isUpperCase(raw.charAt(0))) {
			// "Taliban-run", "U.S.-led": the name is a word of its own.
			add(tokens, raw.substring(0, hyphen), start);
			tokens.add(new Token("-", "-", start + hyphen, start + hyphen + 1));
			add(tokens, raw.substring(hyphen + 1), start + hyphen + 1);
			return;
		}
		String norm = raw.replace('’', '\'');
		String lower = norm.toLowerCase(Locale.ROOT);
		int split = -1;
		if (lower.endsWith("'s") && lower.length() > 2) {
			split = norm.length() - 2;
		}
		else if (lower.endsWith("n't") && lower.length() > 3) {
			split = norm.length() - 3;
		}
		if (split > 0) {
			tokens.add(new Token(norm.substring(0, split), lower.substring(0, split), start, start + split));
			tokens.add(new Token(norm.substring(split), lower.substring(split), start + split, start + norm.length()));
			return;
		}
		tokens.add(new Token(norm, lower, start, start + norm.length()));
	}

}
