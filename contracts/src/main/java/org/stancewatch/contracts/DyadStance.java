package org.stancewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A dyad's current stance: its standing facts, tone and level. Published to the compacted
 * {@link Topics#STANCE} keyed by dyad, so a downstream consumer can load it as a table.
 *
 * @param actor acting state
 * @param target state whose government it is about
 * @param level derived from the facts (design.md, "Stance")
 * @param designation terrorist or banned-organisation listing
 * @param recognition formal recognition of the government
 * @param representation diplomatic representation
 * @param sanctions sanctions and frozen assets
 * @param tone sum of action weights over the last 90 days before {@code asOf}
 * @param events how many distinct acts the stance was folded from
 * @param lastEventOn when the latest act happened, when known
 * @param asOf the date the tone window ends on
 * @param updatedAt when the stance was last recomputed
 */
public record DyadStance(String actor, String target, Level level, Designation designation, Recognition recognition,
		Representation representation, Sanctions sanctions, double tone, int events, @Nullable LocalDate lastEventOn,
		LocalDate asOf, Instant updatedAt) {

	public Dyad dyad() {
		return new Dyad(this.actor, this.target);
	}

	public enum Designation {

		UNKNOWN, LISTED, DELISTED

	}

	public enum Recognition {

		NONE, FORMAL

	}

	/** Ordered: an upgrade moves one step right, a downgrade one step left. */
	public enum Representation {

		NONE, ENVOY, AMBASSADOR

	}

	public enum Sanctions {

		UNKNOWN, IMPOSED, LIFTED

	}

}
