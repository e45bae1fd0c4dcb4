package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads a sentence that names no state, or not the government, in the light of the
 * sentence right before it in the same paragraph: "Russia's foreign ministry received the
 * credentials of Kabul's envoy on Monday. The ministry later said ..." Only a subject
 * that is a state institution ("the ministry", "the government"), "he" or "she" after a
 * state's official, or the same state again, is bound; and only to the one state that was
 * the subject before, acting toward the government named there.
 *
 * @param mentions the sentence's mentions, with the bound subject as a state
 * @param impliedTarget whether the government is understood rather than named
 */
record SentenceBinding(List<Mention> mentions, boolean impliedTarget) {

	/** How many words may qualify an institution: "the Kazakh foreign ministry". */
	private static final int MODIFIERS = 3;

	/**
	 * The sentence bound to the previous one, or null when it stands on its own or cannot
	 * be bound.
	 * @param tokens the sentence's tokens
	 * @param mentions what it names
	 * @param previous what the previous sentence of the paragraph established
	 * @param cues the cue words
	 */
	static @Nullable SentenceBinding of(List<Token> tokens, List<Mention> mentions, ArticleState.Bound previous,
			Cues cues) {
		boolean actor = false;
		boolean target = false;
		for (Mention m : mentions) {
			boolean place = m.isState() && isObject(tokens, m, cues);
			if (m.isState() && !place && !m.code().equals(previous.state())) {
				// Another state acts: the sentence is about more than the last one.
				return null;
			}
			actor |= (m.isState() && !place) || m.kind() == Mention.Kind.STATE_PRONOUN;
			target |= m.isTarget() || m.kind() == Mention.Kind.TARGET_PRONOUN;
		}
		if (actor) {
			return target ? null : new SentenceBinding(mentions, true);
		}
		int subjectEnd = institutionSubject(tokens, cues);
		if (subjectEnd < 0 && previous.official() && isPersonPronoun(tokens)) {
			subjectEnd = 0;
		}
		if (subjectEnd < 0) {
			return null;
		}
		for (Mention m : mentions) {
			if (m.first() <= subjectEnd && m.kind() != Mention.Kind.OTHER) {
				// "The Taliban authorities", "Afghan officials": not the state's.
				return null;
			}
		}
		List<Mention> bound = new ArrayList<>();
		bound.add(new Mention(Mention.Kind.STATE, previous.state(), 0, subjectEnd));
		for (Mention m : mentions) {
			if (m.first() > subjectEnd) {
				bound.add(m);
			}
		}
		return new SentenceBinding(List.copyOf(bound), !target);
	}

	/**
	 * The last token of a subject such as "The ministry", "Its foreign minister", "The
	 * country's president" that opens the sentence, or -1.
	 */
	static int institutionSubject(List<Token> tokens, Cues cues) {
		if (tokens.isEmpty() || !cues.is(Cues.DETERMINER, tokens.get(0))) {
			return -1;
		}
		for (int k = 1; k < Math.min(tokens.size(), MODIFIERS + 2); k++) {
			Token token = tokens.get(k);
			if (!token.isWord()) {
				return -1;
			}
			int last = cues.at(Cues.STATE_INSTITUTION, tokens, k);
			if (last >= 0) {
				// "The court in Tokyo", "The government of Japan": the sentence names its
				// own state.
				boolean qualified = last + 1 < tokens.size()
						&& (tokens.get(last + 1).is("of") || tokens.get(last + 1).is("in"));
				// "The officials", "the authorities" as often mean the government's own
				// people, just named, as the state's.
				boolean eitherSide = tokens.get(last).is("officials") || tokens.get(last).is("authorities");
				return (qualified || eitherSide) ? -1 : last;
			}
		}
		return -1;
	}

	/** "in Tashkent", "to Moscow": a place or an object, not who acts. */
	private static boolean isObject(List<Token> tokens, Mention m, Cues cues) {
		int p = m.first() - 1;
		if (p >= 0 && tokens.get(p).is("the")) {
			p--;
		}
		return p >= 0 && cues.is(Cues.OBJECT_PREPOSITION, tokens.get(p));
	}

	private static boolean isPersonPronoun(List<Token> tokens) {
		return !tokens.isEmpty() && (tokens.get(0).is("he") || tokens.get(0).is("she"));
	}

}
