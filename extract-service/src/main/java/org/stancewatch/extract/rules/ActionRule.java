package org.stancewatch.extract.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;

/**
 * One block of {@code actions.txt}: how an action is written.
 *
 * @param action the action it reads
 * @param verbs verb lemmas
 * @param nouns nominal forms
 * @param needs expressions that must all match close to the word
 * @param unless an expression that rules the block out, or {@code null}
 * @param objectIsTarget whether the government must be the verb's direct object
 * @param objectMayBePlace whether that object may also be a place ("in Afghanistan")
 * @param objectMayBePlace whether that object may also be a place ("in Afghanistan")
 * @param actorMode who acts
 * @param confidence how sure a direct reading is
 */
record ActionRule(Action action, List<String> verbs, List<String> nouns, List<Pattern> needs, @Nullable Pattern unless,
		boolean objectIsTarget, boolean objectMayBePlace, ActorMode actorMode, double confidence) {

	/**
	 * How near its needs match in {@code window} (lower case), or -1 when they do not or
	 * {@code unless} does.
	 */
	int fit(String window) {
		if (this.unless != null && this.unless.matcher(window).find()) {
			return -1;
		}
		int farthest = 0;
		for (Pattern need : this.needs) {
			Matcher matcher = need.matcher(window);
			if (!matcher.find()) {
				return -1;
			}
			farthest = Math.max(farthest, matcher.start());
		}
		return farthest;
	}

	/** Who acts. */
	enum ActorMode {

		/** The grammatical subject (or agent of a passive). */
		SUBJECT,
		/** The state the target's envoy turns to: "presented credentials to Russia". */
		RECIPIENT,
		/**
		 * Either side of a two-sided act: "the Taliban signed a deal with Uzbekistan".
		 */
		EITHER

	}

}
