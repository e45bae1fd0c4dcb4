package org.stancewatch.extract.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The extract service's own settings; Kafka itself is configured under
 * {@code spring.kafka.*}.
 *
 * @param groupId the consumer group of the articles listener
 * @param reprocess re-read the articles topic from its beginning with the current engine
 * version, in a consumer group of its own (see {@link ConsumerGroup})
 * @param topics partition counts of the topics this service creates
 * @param retry how often a batch that failed for a transient reason is tried before its
 * records go to the dead-letter topic
 * @param workers threads that run the engine over the records of a poll, shared by all
 * consumer threads; {@code 0} for one per available processor, {@code 1} to run it on the
 * consumer threads themselves
 */
@ConfigurationProperties("stancewatch.extract")
record ExtractSettings(@DefaultValue("stancewatch-extract") String groupId, boolean reprocess,
		@DefaultValue Topics topics, @DefaultValue Retry retry, @DefaultValue("0") int workers) {

	ExtractSettings {
		if (groupId.isBlank()) {
			throw new IllegalArgumentException("stancewatch.extract.group-id must not be blank");
		}
		if (workers < 0) {
			throw new IllegalArgumentException(
					"stancewatch.extract.workers is a thread count, or 0 for one per processor, not " + workers);
		}
	}

	/** The engine's threads: {@link #workers()}, or one per available processor. */
	int workerThreads() {
		return (this.workers > 0) ? this.workers : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * @param relationChangesPartitions partitions of
	 * {@code stancewatch.relation-changes.v1}
	 * @param articlesPartitions partitions of {@code stancewatch.articles.v1}, which
	 * ingest-service creates; its dead-letter topic gets the same count so that a failed
	 * record keeps its partition
	 */
	record Topics(@DefaultValue("6") int relationChangesPartitions, @DefaultValue("6") int articlesPartitions) {

		Topics {
			if (relationChangesPartitions < 1 || articlesPartitions < 1) {
				throw new IllegalArgumentException("A topic needs at least one partition, not "
						+ Math.min(relationChangesPartitions, articlesPartitions));
			}
		}

	}

	/**
	 * @param maxAttempts tries in all, the first one included
	 * @param initialInterval pause after the first failure, doubled after each further
	 * one
	 * @param maxInterval the longest pause
	 */
	record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialInterval,
			@DefaultValue("5s") Duration maxInterval) {

		Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(
						"stancewatch.extract.retry.max-attempts counts the first try, so it is at least 1, not "
								+ maxAttempts);
			}
			if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
				throw new IllegalArgumentException("Retry intervals must satisfy 0 <= initial-interval ("
						+ initialInterval + ") <= max-interval (" + maxInterval + ")");
			}
		}

	}

}
