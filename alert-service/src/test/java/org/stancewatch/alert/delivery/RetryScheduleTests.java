package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void shouldWaitLongerAfterEachFailureAndStopWhenTheScheduleRunsOut() {
		RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0,
				RandomGenerator.getDefault());

		assertThat(schedule.next(1, NOW)).contains(NOW.plusSeconds(5));
		assertThat(schedule.next(2, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(schedule.next(3, NOW)).isEmpty();
	}

	@Test
	void shouldKeepJitterWithinItsFraction() {
		RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(100)), 0.2,
				RandomGenerator.of("L64X128MixRandom"));
		for (int i = 0; i < 200; i++) {
			assertThat(schedule.next(1, NOW)).get()
				.satisfies((next) -> assertThat(next).isBetween(NOW.plusSeconds(80), NOW.plusSeconds(120)));
		}
	}

	@Test
	void shouldSpreadTheDefaultScheduleOverAboutThreeDays() {
		DeliveryProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("stancewatch.alert.delivery", DeliveryProperties.class);
		Duration total = defaults.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus);

		assertThat(total).isBetween(Duration.ofHours(66), Duration.ofHours(84));
		assertThat(defaults.webhookTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.disableAfter()).isEqualTo(Duration.ofHours(24));
	}

}
