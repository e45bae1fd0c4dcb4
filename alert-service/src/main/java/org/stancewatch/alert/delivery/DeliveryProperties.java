package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts are sent ({@code stancewatch.alert.delivery.*}).
 *
 * @param webhookTimeout longest a webhook or chat call may take, connect to last byte
 * @param retrySchedule waits after the 1st, 2nd, ... failed attempt; when it runs out the
 * delivery has failed. The default spreads ten attempts over about three days
 * @param jitter each wait is stretched or shrunk at random by up to this fraction, so
 * that retries after an outage do not arrive together
 * @param disableAfter a subscription whose deliveries fail without a break for this long
 * is disabled
 * @param pollInterval how often a worker looks for due deliveries
 * @param batchSize deliveries a worker claims at once
 * @param concurrency deliveries a worker sends at the same time
 * @param lease how long a claim holds; longer than any send can take
 * @param mailFrom sender address of alert e-mails
 */
@ConfigurationProperties("stancewatch.alert.delivery")
public record DeliveryProperties(@DefaultValue("10s") Duration webhookTimeout, @DefaultValue( {
		"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h" }) List<Duration> retrySchedule,
		@DefaultValue("0.2") double jitter, @DefaultValue("24h") Duration disableAfter,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("8") int concurrency, @DefaultValue("2m") Duration lease,
		@DefaultValue("alerts@stancewatch.invalid") String mailFrom){

	public DeliveryProperties {
		retrySchedule = List.copyOf(retrySchedule);
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("stancewatch.alert.delivery.jitter must be in [0, 1), not " + jitter);
		}
		if (lease.compareTo(webhookTimeout.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"stancewatch.alert.delivery.lease must be at least twice the webhook timeout, so that "
							+ "no other worker takes a delivery that is still being sent");
		}
	}

}
