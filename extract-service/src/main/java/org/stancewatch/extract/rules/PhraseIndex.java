package org.stancewatch.extract.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds dictionary phrases in a token sequence, whole-word, longest first. Matching is
 * case-sensitive unless the index is built to ignore case. A tree of words: a lookup
 * costs one step per word of the phrase found, however many phrases share a first word
 * ("the group", "the movement", "the regime").
 *
 * @param <V> what a phrase stands for, e.g. a country code
 */
final class PhraseIndex<V> {

	private final Node<V> root = new Node<>();

	private final boolean ignoreCase;

	/**
	 * Whether some phrase starts with other than a capital: a case-sensitive index of
	 * names only need not look at lower-case words.
	 */
	private boolean lowerCaseStart;

	PhraseIndex(boolean ignoreCase) {
		this.ignoreCase = ignoreCase;
	}

	/** Adds a phrase; a phrase added twice keeps its first value. */
	void add(String phrase, V value) {
		List<Token> tokens = Tokenizer.tokens(phrase.strip());
		if (tokens.isEmpty()) {
			return;
		}
		this.lowerCaseStart |= !tokens.get(0).isCapitalized();
		Node<V> node = this.root;
		for (Token token : tokens) {
			node = node.child(key(token));
		}
		if (node.value == null) {
			node.value = value;
		}
	}

	/** The longest phrase starting at {@code index}, or {@code null}. */
	@Nullable Match<V> match(List<Token> tokens, int index) {
		Token token = tokens.get(index);
		if (!this.ignoreCase && !this.lowerCaseStart && !token.isCapitalized()) {
			return null;
		}
		Node<V> node = this.root.next(key(token));
		Match<V> longest = null;
		int i = index;
		while (node != null) {
			if (node.value != null) {
				longest = new Match<>(index, i, node.value);
			}
			if (++i >= tokens.size()) {
				break;
			}
			node = node.next(key(tokens.get(i)));
		}
		return longest;
	}

	/** Whether the token on its own is a phrase of the index. */
	boolean hasWord(Token token) {
		Node<V> node = this.root.next(key(token));
		return node != null && node.value != null;
	}

	/** The first words of its phrases, in lower case. */
	Set<String> firstWords() {
		Set<String> words = new HashSet<>();
		if (this.root.children != null) {
			this.root.children.keySet().forEach((word) -> words.add(word.toLowerCase(Locale.ROOT)));
		}
		return words;
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

	private String key(Token token) {
		return this.ignoreCase ? token.lower() : token.norm();
	}

	/** A word of phrases: what the phrase ending here stands for, and the words after. */
	private static final class Node<V> {

		private @Nullable Map<String, Node<V>> children;

		private @Nullable V value;

		@Nullable Node<V> next(String word) {
			return (this.children != null) ? this.children.get(word) : null;
		}

		Node<V> child(String word) {
			if (this.children == null) {
				this.children = new HashMap<>();
			}
			return this.children.computeIfAbsent(word, (k) -> new Node<>());
		}

	}

	/** A phrase found from token {@code first} to token {@code last}, inclusive. */
	record Match<V>(int first, int last, V value) {

	}

}
