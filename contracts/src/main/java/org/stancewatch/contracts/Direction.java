package org.stancewatch.contracts;

/** Whether an act brings the actor closer to the target government or pushes it away. */
public enum Direction {

	WARMING, COOLING

}
