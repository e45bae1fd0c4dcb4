package org.stancewatch.extract.rules;

import java.time.LocalDate;

import org.stancewatch.contracts.DatePrecision;

/**
 * A date expression found in a sentence, resolved.
 *
 * @param start offset of the expression in the article's text
 * @param end offset just past it
 * @param date the date (first of the month or year when less precise)
 * @param precision how much of the date the text gave
 * @param explicitYear whether the text wrote the year, so later "that year" can refer to
 * it
 * @param newsDay a weekday, "yesterday" or "today": the day of the article's news
 */
record DateCue(int start, int end, LocalDate date, DatePrecision precision, boolean explicitYear, boolean newsDay) {

}
