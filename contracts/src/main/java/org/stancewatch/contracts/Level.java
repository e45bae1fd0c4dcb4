package org.stancewatch.contracts;

/**
 * A state's stance toward a government, from coldest to warmest (design.md, "Stance").
 */
public enum Level {

	HOSTILE, DISTANT, ENGAGED, NORMALIZED, RECOGNIZED

}
