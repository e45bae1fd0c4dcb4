package org.stancewatch.extract.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of {@code cues.txt} that change how a clause is read: negation, speculation,
 * intent, background, clause boundaries and the like.
 */
final class Cues {

	static final String END_OF_ARTICLE = "end-of-article";

	static final String NEGATION = "negation";

	static final String SPECULATION = "speculation";

	static final String INTENT = "intent";

	static final String INTENT_AFTER = "intent-after";

	static final String CONDITION = "condition";

	static final String BACKGROUND = "background";

	static final String STATIVE = "stative";

	static final String REPORTING = "reporting";

	static final String SUBORDINATOR = "subordinator";

	static final String OBJECT_PREPOSITION = "object-preposition";

	static final String DETERMINER = "determiner";

	static final String NON_STATE_HEAD = "non-state-head";

	static final String COORDINATOR = "coordinator";

	static final String NOMINAL_VERB = "nominal-verb";

	static final String PRONOUN_STATE = "pronoun-state";

	static final String PRONOUN_OTHER = "pronoun-other";

	/** Optional: a file of an older engine without it binds no institutions. */
	static final String STATE_INSTITUTION = "state-institution";

	private static final String START_ONLY = "@start";

	/** Per section, its phrases and whether each counts only at a sentence's start. */
	private final Map<String, PhraseIndex<Boolean>> sections = new HashMap<>();

	static Cues parse(String content) {
		Cues cues = new Cues();
		String section = null;
		for (String raw : content.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				section = line.substring(1, line.length() - 1);
				continue;
			}
			if (section == null) {
				throw new IllegalArgumentException("cues.txt: '" + line + "' comes before any [section]");
			}
			boolean startOnly = line.endsWith(START_ONLY);
			if (startOnly) {
				line = line.substring(0, line.length() - START_ONLY.length()).strip();
			}
			cues.sections.computeIfAbsent(section, (k) -> new PhraseIndex<>(true)).add(line, startOnly);
		}
		cues.sections.putIfAbsent(STATE_INSTITUTION, new PhraseIndex<>(true));
		for (String required : List.of(END_OF_ARTICLE, NEGATION, SPECULATION, INTENT, INTENT_AFTER, CONDITION,
				BACKGROUND, STATIVE, REPORTING, SUBORDINATOR, COORDINATOR, NOMINAL_VERB, OBJECT_PREPOSITION, DETERMINER,
				NON_STATE_HEAD, PRONOUN_STATE, PRONOUN_OTHER)) {
			if (!cues.sections.containsKey(required)) {
				throw new IllegalArgumentException("cues.txt has no [" + required + "] section");
			}
		}
		return cues;
	}

	/** Whether a phrase of the section lies wholly inside tokens {@code [from, to)}. */
	boolean any(String section, List<Token> tokens, int from, int to) {
		return first(section, tokens, from, to) >= 0;
	}

	/** Where the first phrase of the section starts inside {@code [from, to)}, or -1. */
	int first(String section, List<Token> tokens, int from, int to) {
		PhraseIndex<Boolean> index = this.sections.get(section);
		for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
			PhraseIndex.Match<Boolean> match = index.match(tokens, i);
			if (match != null && match.last() < to && (i == 0 || !match.value()) && !isNotOnly(section, tokens, i)
					&& !isCallNoun(section, tokens, i)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The phrase of the section starting exactly at {@code index}: its last token, or -1.
	 */
	int at(String section, List<Token> tokens, int index) {
		PhraseIndex.Match<Boolean> match = this.sections.get(section).match(tokens, index);
		if (match == null || (index > 0 && match.value())) {
			return -1;
		}
		return match.last();
	}

	/** The first words of the section's phrases, in lower case. */
	Set<String> firstWords(String section) {
		return this.sections.get(section).firstWords();
	}

	/** Whether the token on its own is a phrase of the section. */
	boolean is(String section, Token token) {
		return this.sections.get(section).hasWord(token);
	}

	/** "In a phone call on Monday": a call, not a demand ("called on Russia to"). */
	private boolean isCallNoun(String section, List<Token> tokens, int i) {
		if (!SPECULATION.equals(section) || i == 0 || !tokens.get(i).lower().startsWith("call")) {
			return false;
		}
		Token before = tokens.get(i - 1);
		return is(DETERMINER, before) || before.is("phone") || before.is("video") || before.is("telephone");
	}

	private static boolean isNotOnly(String section, List<Token> tokens, int i) {
		return NEGATION.equals(section) && tokens.get(i).is("not") && i + 1 < tokens.size()
				&& tokens.get(i + 1).is("only");
	}

}
