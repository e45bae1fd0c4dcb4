package org.stancewatch.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.stancewatch.alert.stance.StanceRules;

/**
 * Settings of the alert service ({@code stancewatch.alert.*}).
 *
 * @param maxEventAge an act first seen longer than this after it happened is late news:
 * it updates history and alerts only backfill subscribers
 * @param minConfidence the first observation of an act at or above this confidence
 * commits it
 * @param adminKey the key the admin APIs require as {@code Authorization: Bearer <key>}
 * (env {@code ALERT_ADMIN_KEY}); admin APIs are refused while it is blank
 * @param defaultTarget the target government the read API shows when none is asked for
 * @param partitions partitions of the topics this service creates; the dead-letter topic
 * gets as many as its source
 * @param relayInterval pause between two runs of the outbox relay; only rows of other
 * instances wait for it, as a commit that writes to the outbox wakes its own instance's
 * relay
 * @param relayBatchSize outbox rows published per relay transaction
 * @param relaySendTimeout how long the relay waits for the broker to acknowledge a batch,
 * and for a topic to be read when it looks for rows an interrupted attempt sent
 * @param relayRecoveryMargin how far before the earliest claim of an interrupted relay
 * attempt to start looking for its records: covers clocks of the database and the service
 * that disagree
 */
@ConfigurationProperties("stancewatch.alert")
public record AlertProperties(@DefaultValue("P14D") Duration maxEventAge, @DefaultValue("0.6") double minConfidence,
		@DefaultValue("") String adminKey, @DefaultValue("AF") String defaultTarget, @DefaultValue("6") int partitions,
		@DefaultValue("200ms") Duration relayInterval, @DefaultValue("500") int relayBatchSize,
		@DefaultValue("30s") Duration relaySendTimeout, @DefaultValue("1m") Duration relayRecoveryMargin) {

	/** The request header that carries the admin key. */

	public StanceRules stanceRules() {
		return new StanceRules(this.minConfidence, this.maxEventAge);
	}

	/**
	 * Whether a request presented the admin key; always false while none is configured.
	 * Compared in constant time.
	 */
	public boolean isAdminKey(@Nullable String presented) {
		if (this.adminKey.isBlank() || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(this.adminKey.getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "AlertProperties[maxEventAge=" + this.maxEventAge + ", minConfidence=" + this.minConfidence
				+ ", adminKey=" + (this.adminKey.isBlank() ? "<unset>" : "<set>") + "]";
	}

}
