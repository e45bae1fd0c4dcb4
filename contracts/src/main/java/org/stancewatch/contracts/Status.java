package org.stancewatch.contracts;

/** Whether an act happened or was only announced, approved, considered or planned. */
public enum Status {

	COMPLETED, INTENDED

}
