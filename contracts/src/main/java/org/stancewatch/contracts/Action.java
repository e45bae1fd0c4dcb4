package org.stancewatch.contracts;

import static org.stancewatch.contracts.Direction.COOLING;
import static org.stancewatch.contracts.Direction.WARMING;

/**
 * The action vocabulary of design.md: each act with the direction it moves and its stance
 * fact.
 */
public enum Action {

	RECOGNIZE_GOVERNMENT(WARMING, StanceFact.RECOGNITION_FORMAL),
	WITHDRAW_RECOGNITION(COOLING, StanceFact.RECOGNITION_NONE),
	/** Accepts the credentials of the target's envoy. */
	ACCEPT_AMBASSADOR(WARMING, StanceFact.REPRESENTATION_AMBASSADOR),
	/** Sends its own ambassador to the target. */
	APPOINT_AMBASSADOR(WARMING, StanceFact.REPRESENTATION_AMBASSADOR),
	UPGRADE_MISSION(WARMING, StanceFact.REPRESENTATION_UP), DOWNGRADE_MISSION(COOLING, StanceFact.REPRESENTATION_DOWN),
	OPEN_EMBASSY(WARMING, StanceFact.REPRESENTATION_AT_LEAST_ENVOY),
	CLOSE_EMBASSY(COOLING, StanceFact.REPRESENTATION_NONE),
	/** Lets the target's government take over its embassy. */
	HAND_OVER_EMBASSY(WARMING, StanceFact.REPRESENTATION_AT_LEAST_ENVOY),
	/** Terrorist or banned-organisation lists, court bans. */
	DELIST_TERRORIST(WARMING, StanceFact.DESIGNATION_DELISTED), LIST_TERRORIST(COOLING, StanceFact.DESIGNATION_LISTED),
	LIFT_SANCTIONS(WARMING, StanceFact.SANCTIONS_LIFTED), IMPOSE_SANCTIONS(COOLING, StanceFact.SANCTIONS_IMPOSED),
	/** Accredits the target's staff below ambassador: charge d'affaires, consuls. */
	ACCEPT_DIPLOMATS(WARMING, StanceFact.REPRESENTATION_AT_LEAST_ENVOY),
	FREEZE_ASSETS(COOLING, StanceFact.SANCTIONS_IMPOSED), SIGN_AGREEMENT(WARMING, StanceFact.NONE),
	PRAISE(WARMING, StanceFact.NONE), REMOVE_BOUNTY(WARMING, StanceFact.NONE),
	EXPEL_DIPLOMATS(COOLING, StanceFact.NONE), REJECT_AMBASSADOR(COOLING, StanceFact.NONE),
	CONDEMN(COOLING, StanceFact.NONE), THREATEN(COOLING, StanceFact.NONE), CLOSE_BORDER(COOLING, StanceFact.NONE),
	MILITARY_STRIKE(COOLING, StanceFact.NONE),
	/** An inter-state legal case. */
	LEGAL_ACTION(COOLING, StanceFact.NONE);

	private final Direction direction;

	private final StanceFact fact;

	Action(Direction direction, StanceFact fact) {
		this.direction = direction;
		this.fact = fact;
	}

	public Direction direction() {
		return this.direction;
	}

	public StanceFact fact() {
		return this.fact;
	}

	/** Episodic acts move only the tone score, never a standing fact. */
	public boolean isEpisodic() {
		return this.fact == StanceFact.NONE;
	}

}
