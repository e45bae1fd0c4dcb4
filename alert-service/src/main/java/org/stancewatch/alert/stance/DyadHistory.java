package org.stancewatch.alert.stance;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.Level;

/**
 * What a dyad's log folds into.
 *
 * @param dyad the dyad
 * @param acts every act, committed ones in the order they were applied (by date), then
 * the uncommitted ones
 * @param levels every level change, in date order
 * @param stance the current stance; {@code null} while no act is committed
 */
public record DyadHistory(Dyad dyad, List<Act> acts, List<LevelChange> levels, @Nullable DyadStance stance) {

	public DyadHistory {
		acts = List.copyOf(acts);
		levels = List.copyOf(levels);
	}

	/** The current level; {@code DISTANT} when nothing is known. */
	public Level level() {
		return (this.stance != null) ? this.stance.level() : Level.DISTANT;
	}

}
