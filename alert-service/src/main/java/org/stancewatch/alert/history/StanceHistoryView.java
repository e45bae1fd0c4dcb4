package org.stancewatch.alert.history;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.stancewatch.alert.stance.Act;
import org.stancewatch.alert.stance.DyadHistory;
import org.stancewatch.alert.stance.LevelChange;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.Status;
import org.stancewatch.contracts.StanceShift;

/**
 * One state's history toward a government: its acts in the order they apply, and the
 * level over time.
 *
 * @param actor acting state
 * @param target state whose government it is about
 * @param current the current stance; {@code null} while no act is confirmed
 * @param acts confirmed acts by date, then unconfirmed ones
 * @param levels every change of level, by date
 */
record StanceHistoryView(String actor, String target, @Nullable DyadStance current, List<ActView> acts,
		List<LevelChange> levels) {

	static StanceHistoryView of(DyadHistory history) {
		return new StanceHistoryView(history.dyad().actor(), history.dyad().target(), history.stance(),
				history.acts().stream().map(ActView::of).toList(), history.levels());
	}

	/**
	 * One act.
	 *
	 * @param action what was done
	 * @param direction warming or cooling
	 * @param status completed or intended
	 * @param occurredOn when, as precisely as reported
	 * @param datePrecision how precise {@code occurredOn} is
	 * @param confirmed whether a credible report committed it
	 * @param causeEventId the report that committed it (the first report while
	 * unconfirmed)
	 * @param evidence the sentence it was read from
	 * @param confidence how sure that reading was
	 * @param background whether that report mentioned it as past context
	 * @param reports how many reports of it were received, copies included
	 * @param sources one per independent article
	 */
	record ActView(Action action, Direction direction, Status status, @Nullable LocalDate occurredOn,
			DatePrecision datePrecision, boolean confirmed, String causeEventId, String evidence, double confidence,
			boolean background, int reports, List<StanceShift.Source> sources) {

		static ActView of(Act act) {
			var report = (act.committing() != null) ? act.committing() : act.observations().get(0);
			return new ActView(act.action(), act.action().direction(), act.status(), act.date(), act.precision(),
					act.committed(), act.causeEventId(), report.change().evidence(), report.change().confidence(),
					report.change().background(), act.observations().size(), act.sources());
		}

	}

}
