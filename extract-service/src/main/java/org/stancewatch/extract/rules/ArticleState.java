package org.stancewatch.extract.rules;

import java.util.List;

/**
 * What reading an article has established so far: whether the watched government was
 * named (anaphors like "the group" count only after that) and which states acted last
 * (for "it" in the next sentence). One per article and target, never shared.
 */
final class ArticleState {

	boolean targetNamed;

	List<String> lastSubject = List.of();

}
