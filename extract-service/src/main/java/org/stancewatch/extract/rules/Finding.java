package org.stancewatch.extract.rules;

import java.util.List;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Status;

/**
 * An act read from one sentence, before dates and background are settled article-wide.
 *
 * @param action what was done
 * @param actors the acting states (several when coordinated: "China and Pakistan have")
 * @param status done or announced
 * @param confidence how directly it was read
 * @param sentence where it was read
 * @param triggerStart offset of the word that names the act
 * @param clauseStart offset where the clause of the act starts
 * @param clauseEnd offset where the clause of the act ends
 * @param pastContext whether the clause marks it as past context ("previously", "had")
 */
record Finding(Action action, List<String> actors, Status status, double confidence, Sentence sentence,
		int triggerStart, int clauseStart, int clauseEnd, boolean pastContext) {

}
