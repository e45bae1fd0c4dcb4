package org.stancewatch.contracts;

/**
 * What an action does to a dyad's standing facts (design.md, action vocabulary). Episodic
 * actions move no fact, only the tone.
 */
public enum StanceFact {

	RECOGNITION_FORMAL, RECOGNITION_NONE,

	REPRESENTATION_AMBASSADOR, REPRESENTATION_UP, REPRESENTATION_DOWN, REPRESENTATION_AT_LEAST_ENVOY,
	REPRESENTATION_NONE,

	DESIGNATION_DELISTED, DESIGNATION_LISTED,

	SANCTIONS_LIFTED, SANCTIONS_IMPOSED,

	NONE

}
