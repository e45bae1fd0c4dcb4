package org.stancewatch.alert.subscription;

import java.util.Set;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;

/**
 * Which shifts a subscription wants. Empty sets mean "any"; the dimensions combine with
 * AND.
 *
 * @param actors acting states, or empty for any
 * @param target the state whose government the shift is about
 * @param directions warming and/or cooling, or empty for both
 * @param levels the level a shift moves to, or empty for any
 * @param actions the acts, or empty for any
 * @param includeSignals whether announced acts ({@link StanceShift.Kind#SIGNAL}) are
 * wanted
 * @param minConfidence lowest confidence of the committing observation
 * @param minSources fewest independent reports
 * @param backfill whether late news (acts first seen long after they happened) is wanted
 */
public record SubscriptionFilter(Set<String> actors, String target, Set<Direction> directions, Set<Level> levels,
		Set<Action> actions, boolean includeSignals, double minConfidence, int minSources, boolean backfill) {

	public SubscriptionFilter {
		actors = Set.copyOf(actors);
		directions = Set.copyOf(directions);
		levels = Set.copyOf(levels);
		actions = Set.copyOf(actions);
	}

	public boolean matches(StanceShift shift) {
		return this.target.equals(shift.target()) && anyOrContains(this.actors, shift.actor())
				&& anyOrContains(this.directions, shift.action().direction()) && anyOrContains(this.levels, shift.to())
				&& anyOrContains(this.actions, shift.action())
				&& (shift.kind() != StanceShift.Kind.SIGNAL || this.includeSignals) && (!shift.late() || this.backfill)
				&& shift.confidence() >= this.minConfidence && shift.sources().size() >= this.minSources;
	}

	private static <T> boolean anyOrContains(Set<T> wanted, T value) {
		return wanted.isEmpty() || wanted.contains(value);
	}

}
