package org.stancewatch.ingest.article;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Near-duplicate detection for syndicated copies, in two steps.
 * <ol>
 * <li>Candidates: a 64-bit SimHash over three-word shingles, stored with each article.
 * Copies that differ in a byline, a footer or a "first published by" line land about 5 to
 * 15 bits apart, unrelated texts about 32; {@link #isCandidate(long, long)} is generous
 * (at most {@value #CANDIDATE_DISTANCE} bits) because a 64-bit SimHash is noisy on texts
 * of a few hundred words. ArticleStore's lookup applies it in PostgreSQL 14+
 * ({@code bit_count(int8send(fingerprint # :fp)) <= 20}) to the candidates it gathers,
 * and here to the latest articles, read once per poll.</li>
 * <li>Decision: {@link Shingled#isNearDuplicateOf(Shingles)} compares the shingle sets of
 * the two texts: a copy shares at least {@value #MIN_CONTAINMENT_PERCENT}% of the shorter
 * text's shingles with the longer one (which also catches a truncated copy or one with a
 * paragraph added). A candidate's set is stored with it ({@link Shingles}), so it is
 * compared without its text.</li>
 * </ol>
 */
public final class NearDuplicates {

	/** Largest fingerprint distance worth comparing the texts for. */
	public static final int CANDIDATE_DISTANCE = 20;

	static final int MIN_CONTAINMENT_PERCENT = 80;

	private static final int SHINGLE = 3;

	/** Texts with fewer words are too short to call copies of each other. */
	private static final int MIN_WORDS = 25;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

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
		return Shingled.of(a).isNearDuplicateOf(Shingled.of(b).shingles());
	}

	/**
	 * The hashes of the text's three-word shingles (of all its words when it has fewer),
	 * sorted and without repeats. A shingle's hash is that of its words joined by one
	 * space, computed without building the string: fingerprints stored by earlier
	 * versions must stay comparable.
	 */
	static long[] shingles(List<byte[]> words) {
		if (words.isEmpty()) {
			return new long[0];
		}
		long[] hashes = new long[Math.max(1, words.size() - SHINGLE + 1)];
		for (int i = 0; i < hashes.length; i++) {
			long hash = FNV_OFFSET;
			for (int w = i; w < Math.min(words.size(), i + SHINGLE); w++) {
				if (w > i) {
					hash = fnv(hash, ' ');
				}
				for (byte b : words.get(w)) {
					hash = fnv(hash, b & 0xff);
				}
			}
			hashes[i] = spread(hash);
		}
		Arrays.sort(hashes);
		int distinct = 0;
		for (long hash : hashes) {
			if (distinct == 0 || hashes[distinct - 1] != hash) {
				hashes[distinct++] = hash;
			}
		}
		return Arrays.copyOf(hashes, distinct);
	}

	/**
	 * The text's words in lower case, as UTF-8: runs of letters and digits, as the
	 * regular expression {@code [\p{L}\p{N}]+} finds them.
	 */
	static List<byte[]> words(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		List<byte[]> words = new ArrayList<>();
		int i = 0;
		while (i < lower.length()) {
			int start = i;
			while (i < lower.length() && isWordCharacter(lower.codePointAt(i))) {
				i += Character.charCount(lower.codePointAt(i));
			}
			if (i > start) {
				words.add(lower.substring(start, i).getBytes(StandardCharsets.UTF_8));
			}
			else {
				i += Character.charCount(lower.codePointAt(i));
			}
		}
		return words;
	}

	private static boolean isWordCharacter(int codePoint) {
		if (Character.isLetter(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	/** One byte of FNV-1a. */
	private static long fnv(long hash, int octet) {
		return (hash ^ octet) * 0x100000001b3L;
	}

	/** The SplitMix64 finaliser, spreading FNV-1a's bits. */
	private static long spread(long hash) {
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

	/**
	 * A text split into words and shingles once, for its fingerprint, for comparing it
	 * with several candidates, and for storing its shingles.
	 */
	public static final class Shingled {

		private final long fingerprint;

		private final Shingles shingles;

		private Shingled(long fingerprint, Shingles shingles) {
			this.fingerprint = fingerprint;
			this.shingles = shingles;
		}

		public static Shingled of(String text) {
			List<byte[]> words = NearDuplicates.words(text);
			long[] hashes = NearDuplicates.shingles(words);
			return new Shingled(simHash(hashes), (words.size() >= MIN_WORDS) ? Shingles.of(hashes) : Shingles.NONE);
		}

		public long fingerprint() {
			return this.fingerprint;
		}

		/** Whether the text is long enough to be called a copy of another, or not. */
		public boolean comparable() {
			return !this.shingles.isEmpty();
		}

		/** What is stored to compare later texts with this one. */
		public Shingles shingles() {
			return this.shingles;
		}

		/** Whether this text copies the one whose shingles are given. */
		public boolean isNearDuplicateOf(Shingles other) {
			return comparable() && !other.isEmpty() && this.shingles.shareAtLeast(other, MIN_CONTAINMENT_PERCENT);
		}

		private static long simHash(long[] hashes) {
			int[] votes = new int[64];
			for (long hash : hashes) {
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

	}

	/**
	 * A text's shingles as stored beside it, so that a candidate is compared without
	 * reading and splitting its text again: the upper 32 bits of each shingle's hash,
	 * sorted and without repeats, 4 bytes each (a third of an English text's size in
	 * UTF-8). Two texts of 500 shingles share a 32-bit value by chance in about one pair
	 * of 17,000, which moves their share by a fifth of a percent. Empty for a text too
	 * short to be called a copy.
	 */
	public static final class Shingles {

		static final Shingles NONE = new Shingles(new int[0]);

		private final int[] hashes;

		private Shingles(int[] hashes) {
			this.hashes = hashes;
		}

		/** From sorted 64-bit hashes, whose upper halves come out sorted too. */
		static Shingles of(long[] sortedHashes) {
			int[] upper = new int[sortedHashes.length];
			int distinct = 0;
			for (long hash : sortedHashes) {
				int half = (int) (hash >> 32);
				if (distinct == 0 || upper[distinct - 1] != half) {
					upper[distinct++] = half;
				}
			}
			return new Shingles(Arrays.copyOf(upper, distinct));
		}

		/**
		 * Shingles as {@link #toBytes()} wrote them.
		 * @throws IllegalArgumentException when the bytes are no such list
		 */
		public static Shingles fromBytes(byte[] bytes) {
			if (bytes.length % Integer.BYTES != 0) {
				throw new IllegalArgumentException("Shingles take 4 bytes each, not " + bytes.length + " in all");
			}
			int[] hashes = new int[bytes.length / Integer.BYTES];
			ByteBuffer.wrap(bytes).asIntBuffer().get(hashes);
			return new Shingles(hashes);
		}

		/** Big-endian, 4 bytes a shingle. */
		public byte[] toBytes() {
			ByteBuffer bytes = ByteBuffer.allocate(this.hashes.length * Integer.BYTES);
			bytes.asIntBuffer().put(this.hashes);
			return bytes.array();
		}

		public boolean isEmpty() {
			return this.hashes.length == 0;
		}

		/**
		 * Whether at least {@code percent}% of the smaller set is found in the larger;
		 * gives up as soon as too many are missing, as they are for nearly every
		 * candidate.
		 */
		boolean shareAtLeast(Shingles other, int percent) {
			int[] smaller = (this.hashes.length <= other.hashes.length) ? this.hashes : other.hashes;
			int[] larger = (smaller == this.hashes) ? other.hashes : this.hashes;
			int required = (smaller.length * percent + 99) / 100;
			int missesAllowed = smaller.length - required;
			int misses = 0;
			int i = 0;
			int j = 0;
			while (i < smaller.length && misses <= missesAllowed) {
				if (j == larger.length || smaller[i] < larger[j]) {
					misses++;
					i++;
				}
				else if (smaller[i] > larger[j]) {
					j++;
				}
				else {
					i++;
					j++;
				}
			}
			return smaller.length > 0 && misses <= missesAllowed;
		}

	}

}
