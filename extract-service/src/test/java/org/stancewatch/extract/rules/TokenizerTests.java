package org.stancewatch.extract.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokenizer is a hand-written scanner for speed; it must cut text exactly where the
 * regular expression it replaced did.
 */
class TokenizerTests {

	/** The definition of a token the scanner implements. */
	private static final Pattern REFERENCE = Pattern.compile(
			"(?:\\p{Lu}\\.){2,}|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*|['’][sS]\\b|[^\\s\\p{L}\\p{N}]");

	@Test
	void splitsPossessivesNegationsAndHyphenatedNames() {
		assertThat(words("Russia's envoy didn't attend the Taliban-run talks in the U.S. on Friday.")).containsExactly(
				"Russia", "'s", "envoy", "did", "n't", "attend", "the", "Taliban", "-", "run", "talks", "in", "the",
				"U.S.", "on", "Friday", ".");
	}

	@Test
	void keepsInitialsBeforeANameAndNumbersWithPoints() {
		assertThat(words("J. Smith said 3.5 million, not U.N-led (sic) \u2019s \u00a0ok")).containsExactly("J.",
				"Smith", "said", "3.5", "million", ",", "not", "U.N", "-", "led", "(", "sic", ")", "'s", "\u00a0",
				"ok");
	}

	@Test
	void cutsEveryFixtureAsTheReferenceExpressionDoes() throws IOException {
		for (JsonNode fixture : RuleEngineFixtureTests.fixtures()) {
			String text = fixture.get("text").asString();
			assertThat(spans(text, 0, text.length())).as(text).isEqualTo(reference(text, 0, text.length()));
		}
	}

	@Test
	void cutsScrambledTextAsTheReferenceExpressionDoes() {
		String alphabet = "aZs S.'’-_ \t\n\u00a0,;:()\"“”0123456789ÉéŁ\u0301\u2009\u0663\u2163日本😀ABt";
		Random random = new Random(7);
		for (int round = 0; round < 5_000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.appendCodePoint(alphabet.codePointAt(
						alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
			}
			String s = text.toString();
			int from = (s.isEmpty()) ? 0 : random.nextInt(s.length());
			int to = from + ((s.length() == from) ? 0 : random.nextInt(s.length() - from + 1));
			if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
				continue;
			}
			if (to < s.length() && to > 0 && Character.isLowSurrogate(s.charAt(to))) {
				continue;
			}
			assertThat(spans(s, from, to)).as("'%s' [%d, %d)", s, from, to).isEqualTo(reference(s, from, to));
		}
	}

	private static List<String> words(String text) {
		return Tokenizer.tokens(text).stream().map(Token::norm).toList();
	}

	private static List<String> spans(String text, int from, int to) {
		List<String> spans = new ArrayList<>();
		for (Token token : Tokenizer.tokens(text, from, to)) {
			spans.add(token.start() + ":" + token.end() + ":" + token.norm());
		}
		return spans;
	}

	/** What the old tokenizer gave: the expression's matches, split the same way. */
	private static List<String> reference(String text, int from, int to) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = REFERENCE.matcher(text).region(from, to);
		while (matcher.find()) {
			Tokenizer.add(tokens, matcher.group(), matcher.start());
		}
		return tokens.stream().map((token) -> token.start() + ":" + token.end() + ":" + token.norm()).toList();
	}

}
