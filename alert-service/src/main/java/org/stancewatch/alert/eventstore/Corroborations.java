package org.stancewatch.alert.eventstore;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.stancewatch.alert.stance.Act;
import org.stancewatch.alert.stance.ShiftDetector;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.StanceShift;

/**
 * The shifts one batch corroborated. A story carried by many outlets arrives as many
 * corroborations of one act, often in the same batch; the batch commits at once, so only
 * the sources it leaves each shift with can be seen. Each shift is therefore read once
 * and stored and emitted once per batch, instead of once per source: a shift with n
 * sources would otherwise be rewritten n times, each time longer.
 */
final class Corroborations {

	private final ShiftLog shifts;

	/** Shifts caused by each act, as stored, by dyad and cause event id. */
	private final Map<String, List<StanceShift>> causedBy = new HashMap<>();

	private final Map<String, Corroborated> byShiftId = new LinkedHashMap<>();

	Corroborations(ShiftLog shifts) {
		this.shifts = shifts;
	}

	/**
	 * The act gained a source from an observation that came with {@code traceparent}:
	 * every shift it caused will carry the act's sources.
	 */
	void add(Dyad dyad, Act act, @Nullable String traceparent) {
		List<StanceShift> caused = this.causedBy.computeIfAbsent(key(dyad, act.causeEventId()),
				(key) -> this.shifts.causedBy(dyad, act.causeEventId()));
		for (StanceShift shift : caused) {
			this.byShiftId.put(shift.shiftId(), new Corroborated(ShiftDetector.withSources(shift, act), traceparent));
		}
	}

	/** A new shift was stored: the next corroboration of its cause must see it. */
	void stored(StanceShift shift) {
		this.causedBy.remove(key(shift.dyad(), shift.causeEventId()));
	}

	/**
	 * Each corroborated shift with its final sources, in the order first corroborated.
	 */
	Collection<Corroborated> all() {
		return this.byShiftId.values();
	}

	private static String key(Dyad dyad, String causeEventId) {
		return dyad + "|" + causeEventId;
	}

	/**
	 * @param shift the stored shift with the act's sources
	 * @param traceparent the trace of the last observation that corroborated it
	 */
	record Corroborated(StanceShift shift, @Nullable String traceparent) {
	}

}
