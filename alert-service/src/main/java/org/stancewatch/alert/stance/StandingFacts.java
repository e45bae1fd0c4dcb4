package org.stancewatch.alert.stance;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.DyadStance.Designation;
import org.stancewatch.contracts.DyadStance.Recognition;
import org.stancewatch.contracts.DyadStance.Representation;
import org.stancewatch.contracts.DyadStance.Sanctions;
import org.stancewatch.contracts.Level;

/**
 * A dyad's standing facts while completed acts are applied in date order, and the level
 * they give.
 *
 * <p>
 * Level precedence, first rule that holds wins:
 * <ol>
 * <li>{@code RECOGNIZED}: recognition FORMAL;</li>
 * <li>{@code NORMALIZED}: representation AMBASSADOR;</li>
 * <li>{@code ENGAGED}: representation ENVOY, or designation DELISTED;</li>
 * <li>{@code HOSTILE}: designation LISTED, or sanctions IMPOSED by an act later than the
 * last warming fact;</li>
 * <li>{@code DISTANT}: otherwise, including when nothing is known.</li>
 * </ol>
 * A standing relation outranks hostility: a state that keeps the government's diplomats
 * accredited while listing it (Russia from 2022 to 2025) is engaged. Sanctions count as
 * hostile only when imposed after the last warming fact, even one later undone: a state
 * that imposed sanctions, then opened and closed an embassy, is distant.
 */
final class StandingFacts {

	private Designation designation = Designation.UNKNOWN;

	private Recognition recognition = Recognition.NONE;

	private Representation representation = Representation.NONE;

	private Sanctions sanctions = Sanctions.UNKNOWN;

	private int applied;

	private int lastWarmingFact = -1;

	private int sanctionsImposedBy = -1;

	void apply(Action action) {
		this.applied++;
		switch (action.fact()) {
			case RECOGNITION_FORMAL -> this.recognition = Recognition.FORMAL;
			case RECOGNITION_NONE -> this.recognition = Recognition.NONE;
			case REPRESENTATION_AMBASSADOR -> this.representation = Representation.AMBASSADOR;
			case REPRESENTATION_UP -> this.representation = step(1);
			case REPRESENTATION_DOWN -> this.representation = step(-1);
			case REPRESENTATION_AT_LEAST_ENVOY -> {
				if (this.representation == Representation.NONE) {
					this.representation = Representation.ENVOY;
				}
			}
			case REPRESENTATION_NONE -> this.representation = Representation.NONE;
			case DESIGNATION_DELISTED -> this.designation = Designation.DELISTED;
			case DESIGNATION_LISTED -> this.designation = Designation.LISTED;
			case SANCTIONS_LIFTED -> this.sanctions = Sanctions.LIFTED;
			case SANCTIONS_IMPOSED -> {
				this.sanctions = Sanctions.IMPOSED;
				this.sanctionsImposedBy = this.applied;
			}
			case NONE -> {
				return;
			}
		}
		if (action.direction() == Direction.WARMING) {
			this.lastWarmingFact = this.applied;
		}
	}

	private Representation step(int by) {
		int ordinal = Math.max(0, Math.min(Representation.values().length - 1, this.representation.ordinal() + by));
		return Representation.values()[ordinal];
	}

	Level level() {
		if (this.recognition == Recognition.FORMAL) {
			return Level.RECOGNIZED;
		}
		if (this.representation == Representation.AMBASSADOR) {
			return Level.NORMALIZED;
		}
		if (this.representation == Representation.ENVOY || this.designation == Designation.DELISTED) {
			return Level.ENGAGED;
		}
		if (this.designation == Designation.LISTED
				|| (this.sanctions == Sanctions.IMPOSED && this.sanctionsImposedBy > this.lastWarmingFact)) {
			return Level.HOSTILE;
		}
		return Level.DISTANT;
	}

	Designation designation() {
		return this.designation;
	}

	Recognition recognition() {
		return this.recognition;
	}

	Representation representation() {
		return this.representation;
	}

	Sanctions sanctions() {
		return this.sanctions;
	}

}
