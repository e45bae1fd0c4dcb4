package org.stancewatch.ingest.intake;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.stancewatch.ingest.article.NearDuplicates;

/**
 * The fingerprints of the latest stored articles, read once for a poll's articles rather
 * than once for each: reading them took half of each near-duplicate lookup. The poll's
 * own articles join them as they are stored. Articles that concurrent polls store
 * meanwhile are not among them; those are still found by text hash, SimHash band or
 * title.
 */
final class LatestArticles {

	private final int size;

	private final Supplier<List<Fingerprinted>> reader;

	/** Newest first; read when first needed: a poll of teasers never compares. */
	private @Nullable Deque<Fingerprinted> latest;

	/**
	 * @param size how many of the latest articles to keep
	 * @param reader reads the latest {@code size} stored articles, newest first
	 */
	LatestArticles(int size, Supplier<List<Fingerprinted>> reader) {
		this.size = size;
		this.reader = reader;
	}

	/**
	 * The ids of those within the candidate distance of the fingerprint, at most
	 * {@code limit}: the nearest, then the oldest, as the lookup ranks all its
	 * candidates. Stories written from one template all lie within the distance, and
	 * looking up 500 ids costs more than reading the 500 latest rows.
	 */
	String[] nearest(long fingerprint, int limit) {
		Comparator<Fingerprinted> nearestFirst = Comparator
			.comparingInt((Fingerprinted article) -> NearDuplicates.distance(article.fingerprint(), fingerprint))
			.thenComparing(Fingerprinted::createdAt)
			.thenComparing(Fingerprinted::id);
		return latest().stream()
			.filter((article) -> NearDuplicates.isCandidate(article.fingerprint(), fingerprint))
			.sorted(nearestFirst)
			.limit(limit)
			.map(Fingerprinted::id)
			.toArray(String[]::new);
	}

	/** Notes an article just stored. */
	void add(Fingerprinted article) {
		if (this.latest == null) {
			// Not read yet: the reader will find it.
			return;
		}
		this.latest.addFirst(article);
		if (this.latest.size() > this.size) {
			this.latest.removeLast();
		}
	}

	private Deque<Fingerprinted> latest() {
		if (this.latest == null) {
			this.latest = new ArrayDeque<>(this.reader.get());
		}
		return this.latest;
	}

	record Fingerprinted(String id, Instant createdAt, long fingerprint) {
	}

}
