package org.stancewatch.alert.eventstore;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.contracts.Topics;
import org.stancewatch.kafka.TopicReplication;

/**
 * What Boot properties cannot say: the topics this service owns (auto-creation is off),
 * and the one error handler of its listeners.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AlertProperties.class, TopicReplication.class })
class EventStoreConfiguration {

	private static final String FOREVER = "-1";

	private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

	@Bean
	NewTopic relationChangesTopic(AlertProperties properties, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.RELATION_CHANGES)
				.partitions(properties.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, FOREVER))
			.build();
	}

	/** Same partitions as its source: a dead record keeps its partition. */
	@Bean
	NewTopic relationChangesDeadLetterTopic(AlertProperties properties, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.deadLetter(Topics.RELATION_CHANGES))
				.partitions(properties.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION.toMillis())))
			.build();
	}

	@Bean
	NewTopic stanceShiftsTopic(AlertProperties properties, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.STANCE_SHIFTS)
				.partitions(properties.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, FOREVER))
			.build();
	}

	@Bean
	NewTopic stanceTopic(AlertProperties properties, TopicReplication replication) {
		return replication.applyTo(TopicBuilder.name(Topics.STANCE).partitions(properties.partitions()).compact())
			.build();
	}

	/**
	 * Unreadable or invalid records go to {@code <topic>-dlt} at once. While the database
	 * is away the record is retried until it is back (nothing is dead-lettered for an
	 * outage); other failures are retried with backoff for up to five minutes first. The
	 * destination is explicit because the recoverer's default suffix is not ours.
	 */
	@Bean
	CommonErrorHandler relationChangeErrorHandler(KafkaOperations<?, ?> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(Duration.ofMinutes(5)));
		BackOff untilBack = backOff(null);
		handler.setBackOffFunction((record, exception) -> DatabaseAway.isCause(exception) ? untilBack : null);
		handler.addNotRetryableExceptions(InvalidRelationChangeException.class, JacksonException.class);
		return handler;
	}

	private static BackOff backOff(@Nullable Duration giveUpAfter) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(30_000);
		if (giveUpAfter != null) {
			backOff.setMaxElapsedTime(giveUpAfter.toMillis());
		}
		return backOff;
	}

}
