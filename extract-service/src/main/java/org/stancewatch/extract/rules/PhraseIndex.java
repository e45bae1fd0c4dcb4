package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds dictionary phrases in a token sequence, whole-word, longest first. Matching is
 * case-sensitive unless the index is built to ignore case.
 *
 * @param <V> what a phrase stands for, e.g. a country code
 */
final class PhraseIndex<V> {

	private final Map<String, List<Entry<V>>> byFirstWord = new HashMap<>();

	private final boolean ignoreCase;

	/**
	 * Whether some phrase starts with other than a capital: a case-sensitive index of
	 * names only need not look at lower-case words.
	 */
	private boolean lowerCaseStart;

	PhraseIndex(boolean ignoreCase) {
		this.ignoreCase = ignoreCase;
	}

	void add(String phrase, V value) {
		List<Token> tokens = Tokenizer.tokens(phrase.strip());
		if (tokens.isEmpty()) {
			return;
		}
		String[] words = tokens.stream().map(this::key).toArray(String[]::new);
		this.lowerCaseStart |= !tokens.get(0).isCapitalized();
		List<Entry<V>> entries = this.byFirstWord.computeIfAbsent(words[0], (k) -> new ArrayList<>());
		entries.add(new Entry<>(words, value));
		entries.sort(Comparator.comparingInt((Entry<V> e) -> e.words.length).reversed());
	}

	/** The longest phrase starting at {@code index}, or {@code null}. */
	@Nullable Match<V> match(List<Token> tokens, int index) {
		Token token = tokens.get(index);
		if (!this.ignoreCase && !this.lowerCaseStart && !token.isCapitalized()) {
			return null;
		}
		List<Entry<V>> entries = this.byFirstWord.get(key(token));
		if (entries == null) {
			return null;
		}
		for (Entry<V> entry : entries) {
			if (matches(entry.words, tokens, index)) {
				return new Match<>(index, index + entry.words.length - 1, entry.value);
			}
		}
		return null;
	}

	/** Whether the token on its own is a phrase of the index. */
	boolean hasWord(Token token) {
		List<Entry<V>> entries = this.byFirstWord.get(key(token));
		// Longest first: a one-word phrase comes last.
		return entries != null && entries.get(entries.size() - 1).words.length == 1;
	}

	/** The longest phrase found anywhere in {@code [from, to)}: its start, or -1. */
	int find(List<Token> tokens, int from, int to) {
		for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
			Match<V> match = match(tokens, i);
			if (match != null && match.last() < to) {
				return i;
			}
		}
		return -1;
	}

	private boolean matches(String[] words, List<Token> tokens, int index) {
		if (index + words.length > tokens.size()) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!words[i].equals(key(tokens.get(index + i)))) {
				return false;
			}
		}
		return true;
	}

	private String key(Token token) {
		return this.ignoreCase ? token.lower() : token.norm();
	}

	private record Entry<V>(String[] words, V value) {

	}

	/** A phrase found from token {@code first} to token {@code last}, inclusive. */
	record Match<V>(int first, int last, V value) {

	}

}
