package org.stancewatch.ingest.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.stancewatch.contracts.Topics;
import org.stancewatch.ingest.IngestSettings;
import org.stancewatch.kafka.TopicReplication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service produces, created at start-up by Boot's KafkaAdmin: never by
 * broker auto-creation, which would pick the wrong partitions and cleanup policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicReplication.class)
class KafkaTopics {

	@Bean
	NewTopic articlesTopic(IngestSettings settings, TopicReplication replication) {
		return replication
			.applyTo(TopicBuilder.name(Topics.ARTICLES)
				.partitions(settings.topics().partitions())
				.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
			.build();
	}

}
