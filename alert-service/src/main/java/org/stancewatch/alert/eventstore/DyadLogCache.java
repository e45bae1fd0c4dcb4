package org.stancewatch.alert.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.stancewatch.alert.stance.Observation;
import org.stancewatch.contracts.Dyad;

/**
 * The committed logs of recently written dyads, so that a batch reads only what another
 * instance appended since, instead of every dyad's whole log. Safe because the log is
 * append-only with dense sequences: a cached prefix never goes stale, it can only be
 * short. Entries are replaced only after the transaction that wrote them commits.
 */
@Component
class DyadLogCache {

	/** Dyads kept: about every state toward a few targets. */
	private static final int CAPACITY = 2_000;

	private final Map<Dyad, List<Observation>> logs = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Dyad, List<Observation>> eldest) {
			return size() > CAPACITY;
		}

	};

	/** Each dyad's log as committed: the cached prefix plus what the database adds. */
	Map<Dyad, List<Observation>> load(Collection<Dyad> dyads, EventLog log) {
		Map<Dyad, List<Observation>> known = new HashMap<>();
		synchronized (this.logs) {
			dyads.forEach((dyad) -> known.put(dyad, this.logs.getOrDefault(dyad, List.of())));
		}
		Map<Dyad, Integer> sizes = new HashMap<>();
		known.forEach((dyad, observations) -> sizes.put(dyad, observations.size()));
		Map<Dyad, List<Observation>> newer = log.loadAfter(sizes);
		Map<Dyad, List<Observation>> complete = new HashMap<>();
		known.forEach((dyad, observations) -> {
			List<Observation> all = new ArrayList<>(observations);
			all.addAll(newer.getOrDefault(dyad, List.of()));
			complete.put(dyad, all);
		});
		return complete;
	}

	/** Call only once these logs are committed; a longer log already kept stays. */
	void remember(Map<Dyad, List<Observation>> committed) {
		synchronized (this.logs) {
			committed.forEach((dyad, observations) -> {
				List<Observation> kept = this.logs.get(dyad);
				if (kept == null || kept.size() < observations.size()) {
					this.logs.put(dyad, List.copyOf(observations));
				}
			});
		}
	}

}
