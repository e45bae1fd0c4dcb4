package org.stancewatch.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ingest service's own settings ({@code stancewatch.ingest.*}); Kafka and the
 * database are configured with Boot's {@code spring.kafka.*} and
 * {@code spring.datasource.*}.
 *
 * @param topics how the service creates its topics
 * @param relay the outbox relay
 * @param poll the feed poller
 * @param fetch limits for every HTTP fetch of a feed or an article page
 */
@ConfigurationProperties("stancewatch.ingest")
public record IngestSettings(@DefaultValue Topics topics, @DefaultValue Relay relay, @DefaultValue Poll poll,
		@DefaultValue Fetch fetch) {

	/**
	 * @param partitions partitions of the articles topic (replication:
	 * {@code stancewatch.topics.*}, as in every service)
	 */
	public record Topics(@DefaultValue("6") int partitions) {
	}

	/**
	 * @param enabled whether this instance relays the outbox to Kafka
	 * @param batchSize outbox rows claimed per transaction
	 * @param idleDelay pause when the outbox is empty; only rows of other instances wait
	 * for it, as a commit that appends to the outbox wakes its own instance's relay
	 * @param errorDelay pause after Kafka or the database failed
	 * @param sendTimeout how long to wait for Kafka to acknowledge a batch, and to read a
	 * topic when looking for rows an interrupted attempt sent
	 * @param recoveryMargin how far before the earliest claim of an interrupted attempt
	 * to start looking for its records: covers clocks of the database and the service
	 * that disagree
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
			@DefaultValue("200ms") Duration idleDelay, @DefaultValue("2s") Duration errorDelay,
			@DefaultValue("30s") Duration sendTimeout, @DefaultValue("1m") Duration recoveryMargin) {
	}

	/**
	 * @param enabled whether this instance polls feeds
	 * @param defaultInterval interval for feeds created without one
	 * @param jitter random part added to each next poll, as a fraction of the interval
	 * @param maxBackoff the longest a failing feed waits before its next try
	 * @param batchSize feeds claimed per round
	 * @param threads polls run at once
	 * @param lease how long a claimed feed stays reserved for this instance
	 * @param idleDelay pause when no feed is due
	 */
	public record Poll(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration defaultInterval,
			@DefaultValue("0.1") double jitter, @DefaultValue("6h") Duration maxBackoff,
			@DefaultValue("100") int batchSize, @DefaultValue("32") int threads, @DefaultValue("2m") Duration lease,
			@DefaultValue("500ms") Duration idleDelay) {
	}

	/**
	 * @param connectTimeout time to open the connection
	 * @param readTimeout longest silence while reading
	 * @param totalTimeout hard limit for a whole fetch, so a server that drips bytes is
	 * cut off
	 * @param maxBytes largest body accepted, counted after decompression
	 * @param maxRedirects redirects followed before giving up
	 * @param allowPrivateAddresses fetch loopback, private and link-local addresses too;
	 * only for tests and the local demo, never where the service can reach an internal
	 * network
	 * @param userAgent the User-Agent sent with every request
	 * @param fullTextBelow fetch the article page when the feed's text is shorter than
	 * this
	 */
	public record Fetch(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
			@DefaultValue("30s") Duration totalTimeout, @DefaultValue("10485760") long maxBytes,
			@DefaultValue("5") int maxRedirects, @DefaultValue("false") boolean allowPrivateAddresses,
			@DefaultValue("stancewatch/0.1 (news monitor; +https://github.com/stancewatch/stancewatch)") String userAgent,
			@DefaultValue("800") int fullTextBelow) {
	}

}
