package org.stancewatch.extract.rules;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells a negation that denies an act from one that only sets a state aside: "Russia, not
 * China, was the first to recognise ...", "It was Moscow, not Beijing, that ...",
 * "Turkmenistan rather than Iran became ...". The state set aside does not act, and the
 * act is not denied.
 */
final class Contrasts {

	/** What may come before a contrasting "not": ", not China," "and not Beijing". */
	private static final Set<String> OPENERS = Set.of(",", "and", "but", "—", "–", "(", "-");

	/** What may follow the state a lone "not" sets aside. */
	private static final Set<String> CLOSERS = Set.of(",", "but", "that", "which", ")", "—", "–", "-", ".");

	private final Cues cues;

	Contrasts(Cues cues) {
		this.cues = cues;
	}

	/** Whether a negation in tokens {@code [from, to)} denies the act. */
	boolean negated(List<Token> tokens, List<Mention> mentions, int from, int to) {
		int at = this.cues.first(Cues.NEGATION, tokens, from, to);
		while (at >= 0) {
			if (contrasted(tokens, mentions, at) == null) {
				return true;
			}
			at = this.cues.first(Cues.NEGATION, tokens, at + 1, to);
		}
		return false;
	}

	/** Whether a negation right before the mention sets it aside: it does not act. */
	boolean isSetAside(List<Token> tokens, List<Mention> mentions, Mention m) {
		for (int at = Math.max(0, m.first() - 4); at < m.first(); at++) {
			if (contrasted(tokens, mentions, at) == m) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The state or government a negation at {@code at} sets aside, or null when the
	 * negation is no such contrast.
	 */
	private @Nullable Mention contrasted(List<Token> tokens, List<Mention> mentions, int at) {
		int last = this.cues.at(Cues.NEGATION, tokens, at);
		// "rather than" and "instead of" contrast on their own; a lone "not" only after a
		// comma or "and".
		if (last < 0 || (last == at && at > 0 && !OPENERS.contains(tokens.get(at - 1).norm()))) {
			return null;
		}
		Mention contrasted = null;
		for (Mention m : mentions) {
			if ((m.first() == last + 1 || (m.first() == last + 2 && tokens.get(last + 1).is("the")))
					&& (m.isState() || m.isTarget())) {
				contrasted = m;
			}
		}
		if (contrasted == null) {
			return null;
		}
		int after = contrasted.last() + 1;
		return (last > at || after >= tokens.size() || CLOSERS.contains(tokens.get(after).lower())) ? contrasted : null;
	}

}
