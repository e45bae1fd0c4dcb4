package org.stancewatch.kafka;

import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How the topics a service creates are replicated ({@code stancewatch.topics.*}, the same
 * settings in all three services). One broker locally; three on a real cluster, where
 * {@code min.insync.replicas} makes an acknowledged write survive the loss of a broker.
 *
 * @param replicationFactor copies of each partition
 * @param minInsyncReplicas replicas that must have a write before it is acknowledged;
 * {@code 0} for the usual choice: one fewer than the copies, at most 2 (so a write still
 * succeeds while one broker is down for an upgrade)
 */
@ConfigurationProperties("stancewatch.topics")
public record TopicReplication(@DefaultValue("1") short replicationFactor, @DefaultValue("0") int minInsyncReplicas) {

	public TopicReplication {
		if (replicationFactor < 1) {
			throw new IllegalArgumentException(
					"stancewatch.topics.replication-factor must be at least 1, not " + replicationFactor);
		}
		if (minInsyncReplicas < 0 || minInsyncReplicas > replicationFactor) {
			throw new IllegalArgumentException("stancewatch.topics.min-insync-replicas must be between 1 and the "
					+ "replication factor (" + replicationFactor + "), or 0 for the default, not " + minInsyncReplicas);
		}
	}

	/** The {@code min.insync.replicas} a topic gets. */
	public int effectiveMinInsyncReplicas() {
		if (this.minInsyncReplicas > 0) {
			return this.minInsyncReplicas;
		}
		return Math.max(1, Math.min(2, this.replicationFactor - 1));
	}

	/** Sets the replicas, and {@code min.insync.replicas} when there is more than one. */
	public TopicBuilder applyTo(TopicBuilder topic) {
		topic.replicas(this.replicationFactor);
		if (this.replicationFactor > 1) {
			topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(effectiveMinInsyncReplicas()));
		}
		return topic;
	}

}
