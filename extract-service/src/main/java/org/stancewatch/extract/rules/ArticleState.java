package org.stancewatch.extract.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What reading an article has established so far: whether the watched government was
 * named (anaphors like "the group" count only after that), which states acted last (for
 * "it" in the next sentence), and what the last sentence bound for the next one of its
 * paragraph. One per article and target, never shared.
 */
final class ArticleState {

	boolean targetNamed;

	List<String> lastSubject = List.of();

	/** The state that acted toward the government in the last sentence, or null. */
	@Nullable Bound bound;

	/** Where the last sentence ended: a line break after it starts a new paragraph. */
	int lastEnd = -1;

	/**
	 * A state the last sentence had as its subject while it named the government.
	 *
	 * @param state its code
	 * @param official whether the subject was one of its officials ("Russia's foreign
	 * minister"), whom "he" or "she" may stand for next
	 */
	record Bound(String state, boolean official) {

	}

}
