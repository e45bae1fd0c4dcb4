package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stancewatch.testsupport.RealKafkaAndPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several ingest instances on one database: each due feed is leased by exactly one of
 * them.
 */
@SpringBootTest(properties = "stancewatch.ingest.poll.enabled=false")
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class FeedLeaseIT {

	@Autowired
	FeedRepository feeds;

	@Test
	void shouldLeaseEachDueFeedToOneInstanceOnly() {
		IntStream.range(0, 300)
			.forEach((i) -> this.feeds.create(URI.create("https://lease.example.org/" + i), null, Duration.ofMinutes(5),
					true, false));
		List<CompletableFuture<List<DueFeed>>> instances = IntStream.range(0, 4)
			.mapToObj((instance) -> CompletableFuture.supplyAsync(() -> claimAll("instance-" + instance)))
			.toList();
		Set<Long> leased = new HashSet<>();
		int total = 0;
		for (CompletableFuture<List<DueFeed>> instance : instances) {
			List<DueFeed> claimed = instance.join();
			total += claimed.size();
			claimed.forEach((feed) -> leased.add(feed.id()));
		}
		assertThat(total).as("no feed leased twice").isEqualTo(leased.size());
		assertThat(leased).as("every due feed leased").hasSize(300);
		assertThat(this.feeds.claimDue("late-instance", Duration.ofMinutes(2), 100)).as("leased feeds are skipped")
			.isEmpty();
	}

	private List<DueFeed> claimAll(String owner) {
		List<DueFeed> claimed = new java.util.ArrayList<>();
		List<DueFeed> batch;
		while (!(batch = this.feeds.claimDue(owner, Duration.ofMinutes(2), 7)).isEmpty()) {
			claimed.addAll(batch);
		}
		return claimed;
	}

}
