package org.stancewatch.alert.stance;

import java.util.EnumMap;
import java.util.Map;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Status;

/**
 * A Goldstein-like weight per action, from -10 (most hostile) to +10 (most cooperative).
 * The tone of a dyad is the sum of the weights of its acts over the last 90 days; an
 * announced ({@code INTENDED}) act counts half, as the Goldstein scale rates a stated
 * intent below the deed.
 *
 * <table>
 * <caption>Weights</caption>
 * <tr>
 * <th>action</th>
 * <th>weight</th>
 * <th>action</th>
 * <th>weight</th>
 * </tr>
 * <tr>
 * <td>RECOGNIZE_GOVERNMENT</td>
 * <td>+8</td>
 * <td>WITHDRAW_RECOGNITION</td>
 * <td>-8</td>
 * </tr>
 * <tr>
 * <td>ACCEPT_AMBASSADOR</td>
 * <td>+6</td>
 * <td>APPOINT_AMBASSADOR</td>
 * <td>+6</td>
 * </tr>
 * <tr>
 * <td>UPGRADE_MISSION</td>
 * <td>+5</td>
 * <td>DOWNGRADE_MISSION</td>
 * <td>-5</td>
 * </tr>
 * <tr>
 * <td>OPEN_EMBASSY</td>
 * <td>+5</td>
 * <td>CLOSE_EMBASSY</td>
 * <td>-6</td>
 * </tr>
 * <tr>
 * <td>HAND_OVER_EMBASSY</td>
 * <td>+5</td>
 * <td>ACCEPT_DIPLOMATS</td>
 * <td>+4</td>
 * </tr>
 * <tr>
 * <td>DELIST_TERRORIST</td>
 * <td>+6</td>
 * <td>LIST_TERRORIST</td>
 * <td>-7</td>
 * </tr>
 * <tr>
 * <td>LIFT_SANCTIONS</td>
 * <td>+5</td>
 * <td>IMPOSE_SANCTIONS</td>
 * <td>-6</td>
 * </tr>
 * <tr>
 * <td>FREEZE_ASSETS</td>
 * <td>-5</td>
 * <td>SIGN_AGREEMENT</td>
 * <td>+4</td>
 * </tr>
 * <tr>
 * <td>PRAISE</td>
 * <td>+2</td>
 * <td>REMOVE_BOUNTY</td>
 * <td>+3</td>
 * </tr>
 * <tr>
 * <td>EXPEL_DIPLOMATS</td>
 * <td>-6</td>
 * <td>REJECT_AMBASSADOR</td>
 * <td>-4</td>
 * </tr>
 * <tr>
 * <td>CONDEMN</td>
 * <td>-3</td>
 * <td>THREATEN</td>
 * <td>-5</td>
 * </tr>
 * <tr>
 * <td>CLOSE_BORDER</td>
 * <td>-4</td>
 * <td>MILITARY_STRIKE</td>
 * <td>-10</td>
 * </tr>
 * <tr>
 * <td>LEGAL_ACTION</td>
 * <td>-4</td>
 * <td></td>
 * <td></td>
 * </tr>
 * </table>
 */
final class Tone {

	static final int WINDOW_DAYS = 90;

	private static final Map<Action, Double> WEIGHTS = new EnumMap<>(Action.class);

	static {
		WEIGHTS.put(Action.RECOGNIZE_GOVERNMENT, 8.0);
		WEIGHTS.put(Action.WITHDRAW_RECOGNITION, -8.0);
		WEIGHTS.put(Action.ACCEPT_AMBASSADOR, 6.0);
		WEIGHTS.put(Action.APPOINT_AMBASSADOR, 6.0);
		WEIGHTS.put(Action.UPGRADE_MISSION, 5.0);
		WEIGHTS.put(Action.DOWNGRADE_MISSION, -5.0);
		WEIGHTS.put(Action.OPEN_EMBASSY, 5.0);
		WEIGHTS.put(Action.CLOSE_EMBASSY, -6.0);
		WEIGHTS.put(Action.HAND_OVER_EMBASSY, 5.0);
		WEIGHTS.put(Action.ACCEPT_DIPLOMATS, 4.0);
		WEIGHTS.put(Action.DELIST_TERRORIST, 6.0);
		WEIGHTS.put(Action.LIST_TERRORIST, -7.0);
		WEIGHTS.put(Action.LIFT_SANCTIONS, 5.0);
		WEIGHTS.put(Action.IMPOSE_SANCTIONS, -6.0);
		WEIGHTS.put(Action.FREEZE_ASSETS, -5.0);
		WEIGHTS.put(Action.SIGN_AGREEMENT, 4.0);
		WEIGHTS.put(Action.PRAISE, 2.0);
		WEIGHTS.put(Action.REMOVE_BOUNTY, 3.0);
		WEIGHTS.put(Action.EXPEL_DIPLOMATS, -6.0);
		WEIGHTS.put(Action.REJECT_AMBASSADOR, -4.0);
		WEIGHTS.put(Action.CONDEMN, -3.0);
		WEIGHTS.put(Action.THREATEN, -5.0);
		WEIGHTS.put(Action.CLOSE_BORDER, -4.0);
		WEIGHTS.put(Action.MILITARY_STRIKE, -10.0);
		WEIGHTS.put(Action.LEGAL_ACTION, -4.0);
	}

	private Tone() {
	}

	static double weight(Action action, Status status) {
		double weight = WEIGHTS.get(action);
		return (status == Status.INTENDED) ? weight / 2 : weight;
	}

}
