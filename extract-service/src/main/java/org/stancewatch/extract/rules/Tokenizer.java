package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words and punctuation, keeping offsets. A possessive {@code 's} and a
 * negating {@code n't} become tokens of their own, so "Russia's" reads as "Russia" +
 * "'s".
 */
final class Tokenizer {

	private static final Pattern TOKEN = Pattern.compile(
			"(?:\\p{Lu}\\.){2,}|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*|['’][sS]\\b|[^\\s\\p{L}\\p{N}]");

	private Tokenizer() {
	}

	static List<Token> tokens(String text, int from, int to) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text).region(from, to);
		while (matcher.find()) {
			add(tokens, matcher.group(), matcher.start());
		}
		return tokens;
	}

	static List<Token> tokens(String text) {
		return tokens(text, 0, text.length());
	}

	private static void add(List<Token> tokens, String raw, int start) {
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
