package org.stancewatch.ingest.intake;

import java.util.ArrayDeque;
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

	/** The ids of those within the candidate distance of the fingerprint. */
	String[] near(long fingerprint) {
		return latest().stream()
			.filter((article) -> NearDuplicates.isCandidate(article.fingerprint(), fingerprint))
			.map(Fingerprinted::id)
			.toArray(String[]::new);
	}

	/** Notes an article just stored. */
	void add(String id, long fingerprint) {
		if (this.latest == null) {
			// Not read yet: the reader will find it.
			return;
		}
		this.latest.addFirst(new Fingerprinted(id, fingerprint));
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

	record Fingerprinted(String id, long fingerprint) {
	}

}
