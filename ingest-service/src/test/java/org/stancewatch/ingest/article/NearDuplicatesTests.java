package org.stancewatch.ingest.article;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NearDuplicatesTests {

	private final String original = HtmlText.toPlainText(ArticleFixtures.DELISTING_ORIGINAL);

	private final String syndicated = HtmlText.toPlainText(ArticleFixtures.DELISTING_SYNDICATED);

	private final String otherStory = HtmlText.toPlainText(ArticleFixtures.TRADE_TALKS);

	@Test
	void shouldCallASyndicatedCopyWithAnotherBylineAndFooterANearDuplicate() {
		assertThat(this.original).isNotEqualTo(this.syndicated);
		assertThat(NearDuplicates.isCandidate(NearDuplicates.fingerprint(this.original),
				NearDuplicates.fingerprint(this.syndicated)))
			.isTrue();
		assertThat(NearDuplicates.isNearDuplicate(this.original, this.syndicated)).isTrue();
	}

	@Test
	void shouldNotConfuseTwoDifferentStoriesOnTheSameSubject() {
		assertThat(NearDuplicates.isCandidate(NearDuplicates.fingerprint(this.original),
				NearDuplicates.fingerprint(this.otherStory)))
			.isFalse();
		assertThat(NearDuplicates.isNearDuplicate(this.original, this.otherStory)).isFalse();
	}

	@Test
	void shouldCallACopyCutAfterTwoParagraphsANearDuplicate() {
		String[] paragraphs = this.original.split("\n\n");
		String truncated = paragraphs[1] + "\n\n" + paragraphs[2];

		assertThat(NearDuplicates.isNearDuplicate(this.original, truncated)).isTrue();
	}

	@Test
	void shouldRecogniseACopyByTheShinglesStoredWithTheOriginal() {
		byte[] stored = NearDuplicates.Shingled.of(this.original).shingles().toBytes();

		NearDuplicates.Shingles read = NearDuplicates.Shingles.fromBytes(stored);

		assertThat(NearDuplicates.Shingled.of(this.syndicated).isNearDuplicateOf(read)).isTrue();
		assertThat(NearDuplicates.Shingled.of(this.otherStory).isNearDuplicateOf(read)).isFalse();
		assertThat(read.toBytes()).isEqualTo(stored);
	}

	@Test
	void shouldCallACopyOneThatSharesFourFifthsOfTheShorterTextsShinglesAndNoFewer() {
		NearDuplicates.Shingles shorter = shingles(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

		assertThat(shorter.shareAtLeast(shingles(1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23), 80)).isTrue();
		assertThat(shingles(1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23).shareAtLeast(shorter, 80)).isTrue();
		assertThat(shorter.shareAtLeast(shingles(0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22), 80)).isFalse();
		assertThat(shorter.shareAtLeast(shingles(2, 3, 4, 5, 6, 7, 8, 9, 10), 80)).as("the longer one cut short")
			.isTrue();
		assertThat(shorter.shareAtLeast(NearDuplicates.Shingles.NONE, 80)).isFalse();
	}

	@Test
	void shouldStoreNoShinglesForATextTooShortToBeACopy() {
		assertThat(NearDuplicates.Shingled.of("Talks resume in Doha").shingles().toBytes()).isEmpty();
	}

	@Test
	void shouldRejectStoredShinglesThatAreNotWholeHashes() {
		assertThatIllegalArgumentException().isThrownBy(() -> NearDuplicates.Shingles.fromBytes(new byte[6]))
			.withMessageContaining("4 bytes each");
	}

	@Test
	void shouldGiveTheSameFingerprintForTheSameWordsWhateverTheirSpacingAndCase() {
		assertThat(NearDuplicates.fingerprint("The Harbour  reopened,\n\non TUESDAY."))
			.isEqualTo(NearDuplicates.fingerprint("the harbour reopened on tuesday"));
	}

	@Test
	void shouldKeepTheFingerprintsEarlierVersionsStored() {
		// Stored articles keep their fingerprint: a new article is only found to copy an
		// older one if both were fingerprinted alike. Letters and digits of any script
		// count
		// as words.
		assertThat(NearDuplicates.fingerprint("The ministry said the envoy presented his credentials on 3 March, "
				+ "and the embassy reopened a week later."))
			.isEqualTo(1529016672643308299L);
		assertThat(NearDuplicates.fingerprint(
				"Ḱabul — the envoy's credentials, accepted: ۳ March; Ⅻ days later the embassy (سفارت) reopened. ²"))
			.isEqualTo(-6294885983792840432L);
	}

	@Test
	void shouldNotCallShortTextsCopies() {
		assertThat(NearDuplicates.isNearDuplicate("Talks resume in Doha", "Talks resume in Doha")).isFalse();
	}

	/** Shingles whose 64-bit hashes have these upper halves. */
	private static NearDuplicates.Shingles shingles(int... upperHalves) {
		return NearDuplicates.Shingles.of(IntStream.of(upperHalves).mapToLong((half) -> (long) half << 32).toArray());
	}

}
