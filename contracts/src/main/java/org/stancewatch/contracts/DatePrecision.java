package org.stancewatch.contracts;

/**
 * How much of {@code occurredOn} the text gave. With {@code MONTH} the day is the 1st,
 * with {@code YEAR} the month and day are January 1st; with {@code UNKNOWN} there is no
 * date.
 */
public enum DatePrecision {

	DAY, MONTH, YEAR, UNKNOWN

}
