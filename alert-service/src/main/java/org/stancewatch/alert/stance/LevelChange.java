package org.stancewatch.alert.stance;

import java.time.LocalDate;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Level;

/**
 * A point in a dyad's history where its level changed.
 *
 * @param on the date of the act that changed it
 * @param from level before
 * @param to level after
 * @param action the act
 * @param causeEventId the observation that committed the act
 */
public record LevelChange(LocalDate on, Level from, Level to, Action action, String causeEventId) {

}
