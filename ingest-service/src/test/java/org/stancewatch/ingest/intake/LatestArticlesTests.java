package org.stancewatch.ingest.intake;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.intake.LatestArticles.Fingerprinted;

import static org.assertj.core.api.Assertions.assertThat;

class LatestArticlesTests {

	private static final Instant NOON = Instant.parse("2025-11-04T12:00:00Z");

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void shouldNameTheLatestArticlesWithinTheCandidateDistance() {
		LatestArticles latest = latest(3, stored("near", 0xFFFFFL, 0), stored("far", 0x1FFFFFL, 0),
				stored("same", 0L, 0));

		assertThat(latest.nearest(0L, 20)).as("20 bits apart is near, 21 is not").containsExactly("same", "near");
	}

	@Test
	void shouldNameTheNearestThenTheOldestWhenMoreAreNearThanAsked() {
		LatestArticles latest = latest(5, stored("b-noon", 1L, 0), stored("a-noon", 1L, 0), stored("older", 1L, -60),
				stored("nearer", 0L, 0), stored("further", 3L, -120));

		assertThat(latest.nearest(0L, 4)).containsExactly("nearer", "older", "a-noon", "b-noon");
	}

	@Test
	void shouldReadTheStoredArticlesOnceAndOnlyWhenAsked() {
		LatestArticles latest = latest(3, stored("stored", 0L, 0));
		latest.add(stored("teaser", 0L, 1));
		assertThat(this.reads).as("nothing compared yet").hasValue(0);

		latest.nearest(0L, 20);
		latest.nearest(1L, 20);

		assertThat(this.reads).hasValue(1);
	}

	@Test
	void shouldKeepTheArticlesStoredSinceAndDropTheOldest() {
		LatestArticles latest = latest(2, stored("newer", 0L, 0), stored("older", 0L, -60));
		latest.nearest(0L, 20);

		latest.add(stored("new", 0L, 60));

		assertThat(latest.nearest(0L, 20)).containsExactly("newer", "new");
	}

	private static Fingerprinted stored(String id, long fingerprint, int secondsAfterNoon) {
		return new Fingerprinted(id, NOON.plusSeconds(secondsAfterNoon), fingerprint);
	}

	private LatestArticles latest(int size, Fingerprinted... stored) {
		return new LatestArticles(size, () -> {
			this.reads.incrementAndGet();
			return List.of(stored);
		});
	}

}
