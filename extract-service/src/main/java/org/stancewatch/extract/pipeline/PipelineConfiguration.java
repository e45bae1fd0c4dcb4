package org.stancewatch.extract.pipeline;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.stancewatch.contracts.Topics;
import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.kafka.TopicReplication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

/**
 * What Boot's {@code spring.kafka.*} properties cannot say: the topics this service owns,
 * where failed records go, and a transactional id per consumer group.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ExtractSettings.class, TopicReplication.class })
class PipelineConfiguration {

	private static final String FOREVER = "-1";

	private static final String THIRTY_DAYS = String.valueOf(Duration.ofDays(30).toMillis());

	/** Referenced by name from the listener's {@code groupId}. */
	@Bean
	ConsumerGroup consumerGroup(ExtractSettings settings, RelationExtractor extractor) {
		return ConsumerGroup.of(settings, extractor.version());
	}

	/** The event log: kept forever, as design.md says. */
	@Bean
	NewTopic relationChangesTopic(ExtractSettings settings, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.RELATION_CHANGES)
				.partitions(settings.topics().relationChangesPartitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, FOREVER))
			.build();
	}

	/**
	 * Same partition count as the articles topic, so a failed record keeps its partition.
	 */
	@Bean
	NewTopic articlesDeadLetterTopic(ExtractSettings settings, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.deadLetter(Topics.ARTICLES))
				.partitions(settings.topics().articlesPartitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS))
			.build();
	}

	/**
	 * Publishes a failed record, unchanged, to its topic's {@code -dlt} on the same
	 * partition, with the reason and the origin in {@code kafka_dlt-*} headers. Spring
	 * Kafka's default suffix has changed between versions, so the name is set here.
	 */
	@Bean
	ConsumerAwareRecordRecoverer deadLetterRecoverer(KafkaOperations<?, ?> kafka, PipelineMetrics metrics) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		// Consumer-aware, so that the group id header is written too.
		return (ConsumerAwareRecordRecoverer) (record, consumer, exception) -> {
			publisher.accept(record, consumer, exception);
			metrics.deadLettered();
		};
	}

	/**
	 * For a batch whose transaction rolled back: a send or a commit that failed, or a
	 * failure the listener did not expect. The batch is read again after a back-off; when
	 * the tries are used up, its records are dead-lettered in a new transaction that also
	 * commits their offsets (see {@link #recoverBatchesAfterRollback()}). The default
	 * processor would retry forever with a batch listener, blocking the partition.
	 * <p>
	 * There is no error handler: in a transactional container without one, a listener's
	 * exception rolls the transaction back and comes here. The
	 * {@code DefaultErrorHandler} would retry the batch inside the failed transaction and
	 * commit offsets outside it.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> afterRollbackProcessor(ConsumerRecordRecoverer deadLetterRecoverer,
			KafkaOperations<?, ?> kafka, ExtractSettings settings) {
		return new DefaultAfterRollbackProcessor<>(deadLetterRecoverer, backOff(settings.retry()), kafka, true);
	}

	/**
	 * Lets the after-rollback processor dead-letter a batch that keeps failing, instead
	 * of seeking back to it forever; Boot has no property for it.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> recoverBatchesAfterRollback() {
		return (container) -> container.getContainerProperties().setBatchRecoverAfterRollback(true);
	}

	/**
	 * A transactional id must be unique per running instance and stable across its
	 * restarts, so that a restarted instance fences its dead predecessor and aborts its
	 * open transaction. The property names the instance; the group is appended so that a
	 * reprocess run beside the live one does not fence it.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer transactionIdPerConsumerGroup(ConsumerGroup group) {
		return (factory) -> {
			String prefix = factory.getTransactionIdPrefix();
			if (prefix == null) {
				throw new IllegalStateException(
						"spring.kafka.producer.transaction-id-prefix must be set: extract-service writes its output "
								+ "and its offsets in one Kafka transaction");
			}
			factory.setTransactionIdPrefix(prefix + group.id() + "-");
		};
	}

	private static BackOff backOff(ExtractSettings.Retry retry) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

}
