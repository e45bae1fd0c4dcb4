package org.stancewatch.ingest.intake;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.intake.LatestArticles.Fingerprinted;

import static org.assertj.core.api.Assertions.assertThat;

class LatestArticlesTests {

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void shouldNameTheLatestArticlesWithinTheCandidateDistance() {
		LatestArticles latest = latest(3, new Fingerprinted("near", 0xFFFFFL), new Fingerprinted("far", 0x1FFFFFL),
				new Fingerprinted("same", 0L));

		assertThat(latest.near(0L)).as("20 bits apart is near, 21 is not").containsExactly("near", "same");
	}

	@Test
	void shouldReadTheStoredArticlesOnceAndOnlyWhenAsked() {
		LatestArticles latest = latest(3, new Fingerprinted("stored", 0L));
		latest.add("teaser", 0L);
		assertThat(this.reads).as("nothing compared yet").hasValue(0);

		latest.near(0L);
		latest.near(1L);

		assertThat(this.reads).hasValue(1);
	}

	@Test
	void shouldKeepTheArticlesStoredSinceAndDropTheOldest() {
		LatestArticles latest = latest(2, new Fingerprinted("newer", 0L), new Fingerprinted("older", 0L));
		latest.near(0L);

		latest.add("new", 0L);

		assertThat(latest.near(0L)).containsExactly("new", "newer");
	}

	private LatestArticles latest(int size, Fingerprinted... stored) {
		return new LatestArticles(size, () -> {
			this.reads.incrementAndGet();
			return List.of(stored);
		});
	}

}
