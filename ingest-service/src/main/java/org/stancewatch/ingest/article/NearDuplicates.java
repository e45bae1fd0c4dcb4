package org.stancewatch.ingest.article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Near-duplicate detection for syndicated copies, in two steps.
 * <ol>
 * <li>Candidates: a 64-bit SimHash over three-word shingles, stored with each article.
 * Copies that differ in a byline, a footer or a "first published by" line land about 5 to
 * 15 bits apart, unrelated texts about 32; {@link #isCandidate(long, long)} is generous
 * (at most {@value #CANDIDATE_DISTANCE} bits) because a 64-bit SimHash is noisy on texts
 * of a few hundred words. In PostgreSQL 14+:
 * {@code bit_count(int8send(fingerprint # :fp)) <= 20} over recent articles.</li>
 * <li>Decision: {@link #isNearDuplicate(String, String)} compares the shingle sets of the
 * two texts: a copy shares at least {@value #MIN_CONTAINMENT_PERCENT}% of the shorter
 * text's shingles with the longer one (which also catches a truncated copy or one with a
 * paragraph added).</li>
 * </ol>
 */
public final class NearDuplicates {

	/** Largest fingerprint distance worth comparing the texts for. */
	public static final int CANDIDATE_DISTANCE = 20;

	static final int MIN_CONTAINMENT_PERCENT = 80;

	private static final int SHINGLE = 3;

	/** Texts with fewer words are too short to call copies of each other. */
	private static final int MIN_WORDS = 25;

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private NearDuplicates() {
	}

	/** The SimHash of a text (case, punctuation and spacing do not count). */
	public static long fingerprint(String text) {
		return Shingled.of(text).fingerprint();
	}

	/** Number of differing bits. */
	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** Whether two fingerprints are close enough to compare the texts. */
	public static boolean isCandidate(long a, long b) {
		return distance(a, b) <= CANDIDATE_DISTANCE;
	}

	/** Whether two texts are copies of one story, boilerplate and byline aside. */
	public static boolean isNearDuplicate(String a, String b) {
		return Shingled.of(a).isNearDuplicateOf(Shingled.of(b));
	}

	/** Share of the smaller set found in the larger, in percent. */
	static int containmentPercent(Set<String> a, Set<String> b) {
		Set<String> smaller = (a.size() <= b.size()) ? a : b;
		Set<String> larger = (smaller == a) ? b : a;
		if (smaller.isEmpty()) {
			return 0;
		}
		long shared = smaller.stream().filter(larger::contains).count();
		return (int) (shared * 100 / smaller.size());
	}

	static Set<String> shingles(List<String> words) {
		Set<String> shingles = new HashSet<>();
		int count = Math.max(1, words.size() - SHINGLE + 1);
		for (int i = 0; i < count && !words.isEmpty(); i++) {
			shingles.add(String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE))));
		}
		return shingles;
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** FNV-1a over UTF-8, then the SplitMix64 finaliser to spread the bits. */
	private static long hash64(String value) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

	/**
	 * A text split into words and shingles once, for its fingerprint and for comparing it
	 * with several candidates.
	 */
	public record Shingled(Set<String> shingles, int words) {

		public static Shingled of(String text) {
			List<String> words = NearDuplicates.words(text);
			return new Shingled(NearDuplicates.shingles(words), words.size());
		}

		public long fingerprint() {
			int[] votes = new int[64];
			for (String shingle : this.shingles) {
				long hash = hash64(shingle);
				for (int bit = 0; bit < 64; bit++) {
					votes[bit] += (((hash >>> bit) & 1L) != 0) ? 1 : -1;
				}
			}
			long fingerprint = 0;
			for (int bit = 0; bit < 64; bit++) {
				if (votes[bit] > 0) {
					fingerprint |= 1L << bit;
				}
			}
			return fingerprint;
		}

		/** Whether the text is long enough to be called a copy of another, or not. */
		public boolean comparable() {
			return this.words >= MIN_WORDS;
		}

		public boolean isNearDuplicateOf(Shingled other) {
			return comparable() && other.comparable()
					&& containmentPercent(this.shingles, other.shingles) >= MIN_CONTAINMENT_PERCENT;
		}

	}

}
