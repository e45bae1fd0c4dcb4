package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HostLimiterTests {

	private final HostLimiter limiter = new HostLimiter();

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void shouldLetOnlyOneRequestAtATimeReachAHost() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean secondRan = new AtomicBoolean();
		CompletableFuture<String> first = call(URI.create("https://news.example/feed"), () -> {
			waitFor(release);
			return "first";
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.limiter.busy("news.example"));

		CompletableFuture<String> second = call(URI.create("https://NEWS.example/other-feed"), () -> {
			secondRan.set(true);
			return "second";
		});

		// The second caller is parked on the same host's permit until the first finishes.
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilFalse(secondRan);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
	}

	@Test
	void shouldNotHoldUpOtherHosts() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> slow = call(URI.create("https://slow.example/feed"), () -> {
			waitFor(release);
			return "slow";
		});

		String other = this.limiter.callExclusively(URI.create("https://fast.example/feed"), () -> "fast");

		assertThat(other).isEqualTo("fast");
		assertThat(slow).isNotDone();
		release.countDown();
		assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
	}

	private CompletableFuture<String> call(URI url, java.util.function.Supplier<String> work) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return this.limiter.callExclusively(url, work);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}, this.threads);
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
