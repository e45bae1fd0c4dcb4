package org.stancewatch.alert.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.stancewatch.alert.stance.Observation;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Dyad;

/**
 * The committed logs of recently written dyads, so that a batch reads only what another
 * instance appended since, instead of every dyad's whole log. Safe because the log is
 * append-only with dense sequences: a cached prefix never goes stale, it can only be
 * short. Entries are replaced only after the transaction that wrote them commits.
 * <p>
 * With each log it keeps the running fold the last commit left, so that a batch does not
 * fold a busy dyad's whole log again ({@link #fold}). A fold is handed over, not shared:
 * the batch that takes it owns it, and only a committed batch gives it back
 * ({@link #remember}); one that rolls back drops it, and the next batch folds the log.
 */
@Component
class DyadLogCache {

	/** Dyads kept: about every state toward a few targets. */
	private static final int CAPACITY = 2_000;

	private final Map<Dyad, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Dyad, Kept> eldest) {
			return size() > CAPACITY;
		}

	};

	/** Each dyad's log as committed: the cached prefix plus what the database adds. */
	Map<Dyad, List<Observation>> load(Collection<Dyad> dyads, EventLog log) {
		Map<Dyad, List<Observation>> known = new HashMap<>();
		synchronized (this.kept) {
			dyads.forEach((dyad) -> {
				Kept entry = this.kept.get(dyad);
				known.put(dyad, (entry != null) ? entry.log() : List.of());
			});
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

	/**
	 * A fold of the dyad's committed log, now owned by the caller: the fold kept by the
	 * last commit fed what came since, or a new one.
	 */
	StanceFold fold(Dyad dyad, List<Observation> log, StanceRules rules) {
		@Nullable StanceFold fold = null;
		synchronized (this.kept) {
			Kept entry = this.kept.get(dyad);
			if (entry != null && entry.fold() != null) {
				fold = entry.fold();
				this.kept.put(dyad, new Kept(entry.log(), null));
			}
		}
		if (fold == null || fold.size() > log.size()) {
			return StanceFold.of(dyad, log, rules);
		}
		log.subList(fold.size(), log.size()).forEach(fold::append);
		return fold;
	}

	/**
	 * Call only once these logs are committed, with the folds of exactly these logs; a
	 * longer log already kept stays.
	 */
	void remember(Map<Dyad, List<Observation>> committed, Map<Dyad, StanceFold> folds) {
		synchronized (this.kept) {
			committed.forEach((dyad, observations) -> {
				Kept entry = this.kept.get(dyad);
				@Nullable StanceFold fold = folds.get(dyad);
				if (fold != null && fold.size() != observations.size()) {
					fold = null;
				}
				if (entry == null || entry.log().size() < observations.size()
						|| (entry.log().size() == observations.size() && entry.fold() == null)) {
					this.kept.put(dyad, new Kept(List.copyOf(observations), fold));
				}
			});
		}
	}

	/**
	 * @param log a committed log
	 * @param fold its fold, unless a batch took it
	 */
	private record Kept(List<Observation> log, @Nullable StanceFold fold) {
	}

}
