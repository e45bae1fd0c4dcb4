package org.stancewatch.alert.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code stancewatch.alert.deliveries} (created, and finished by outcome: delivered,
 * failed, gone) and {@code stancewatch.alert.delivery.attempts} (a timer by channel and
 * outcome), {@code stancewatch.alert.delivery.latency} (a timer by channel).
 */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void created(int count) {
		deliveries("created").increment(count);
	}

	void finished(SendResult.Outcome outcome) {
		deliveries(outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
	}

	void attempt(String channel, SendResult.Outcome outcome, Duration took) {
		Timer.builder("stancewatch.alert.delivery.attempts")
			.description("Attempts to send an alert")
			.tag("channel", channel)
			.tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
			.register(this.registry)
			.record(took);
	}

	/**
	 * {@code stancewatch.alert.delivery.latency}: from the shift (its deliveries are
	 * created with it) to the receiver's 2xx, retries included.
	 */
	void delivered(String channel, Duration sinceShift) {
		Timer.builder("stancewatch.alert.delivery.latency")
			.description("From a shift to its alert accepted by the receiver, retries included")
			.tag("channel", channel)
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofHours(1))
			.register(this.registry)
			.record(sinceShift.isNegative() ? Duration.ZERO : sinceShift);
	}

	private Counter deliveries(String outcome) {
		return Counter.builder("stancewatch.alert.deliveries")
			.description("Alert deliveries created and finished, by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
