package org.stancewatch.extract.rules;

/**
 * Something a sentence names that can act or be acted on: a state, the watched
 * government, a non-state actor, or a pronoun.
 *
 * @param kind what it is
 * @param code the country code for {@link Kind#STATE} and {@link Kind#TARGET}, else empty
 * @param first index of its first token in the sentence
 * @param last index of its last token, inclusive of a possessive {@code 's}
 */
record Mention(Kind kind, String code, int first, int last) {

	boolean isState() {
		return this.kind == Kind.STATE;
	}

	boolean isTarget() {
		return this.kind == Kind.TARGET || this.kind == Kind.TARGET_ANAPHOR;
	}

	enum Kind {

		/** A UN member state, its capital, seat of power, institution or spokesperson. */
		STATE,
		/** The watched government by name. */
		TARGET,
		/** A word pointing back to the watched government ("the group"). */
		TARGET_ANAPHOR,
		/**
		 * A possessive or object pronoun for it ("its", "their", "them"): never a
		 * subject.
		 */
		TARGET_PRONOUN,
		/** An organisation, company, group or medium: never a state. */
		NON_STATE,
		/** "it", "we": the state named as the subject before. */
		STATE_PRONOUN,
		/** "he", "they": someone the engine cannot tie to a state. */
		OTHER

	}

}
