package org.stancewatch.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Topics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The replication of the topics the services create, as the deployments set it: through
 * the environment variables of the README's configuration table.
 */
class TopicReplicationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Replication.class);

	@Test
	void shouldCreateOneReplicaAndLeaveMinInsyncReplicasToTheBrokerByDefault() {
		this.contexts.run((context) -> {
			NewTopic topic = topic(context.getBean(TopicReplication.class));
			assertThat(topic.replicationFactor()).isEqualTo((short) 1);
			assertThat(topic.configs()).as("no topic configs at all: the broker's defaults").isNull();
		});
	}

	@Test
	void shouldCreateThreeReplicasWithTwoInSyncWhenTheEnvironmentAsksForThree() {
		this.contexts.withInitializer(environment("STANCEWATCH_TOPICS_REPLICATION_FACTOR=3")).run((context) -> {
			NewTopic topic = topic(context.getBean(TopicReplication.class));
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
	}

	@Test
	void shouldTakeTheMinInsyncReplicasTheEnvironmentGives() {
		this.contexts
			.withInitializer(
					environment("STANCEWATCH_TOPICS_REPLICATION_FACTOR=5", "STANCEWATCH_TOPICS_MIN_INSYNC_REPLICAS=3"))
			.run((context) -> assertThat(topic(context.getBean(TopicReplication.class)).configs())
				.containsEntry("min.insync.replicas", "3"));
	}

	@Test
	void shouldKeepOneInSyncReplicaOfTwoSoThatOneBrokerMayBeDown() {
		assertThat(topic(new TopicReplication((short) 2, 0)).configs()).containsEntry("min.insync.replicas", "1");
	}

	@Test
	void shouldRefuseMoreInSyncReplicasThanCopies() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicReplication((short) 3, 4))
			.withMessageContaining("min-insync-replicas");
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicReplication((short) 0, 0))
			.withMessageContaining("replication-factor");
	}

	/** Variables as the operating system gives them to a service. */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> environment(String... variables) {
		return (context) -> TestPropertyValues.of(variables)
			.applyTo(context.getEnvironment(), TestPropertyValues.Type.SYSTEM_ENVIRONMENT);
	}

	private static NewTopic topic(TopicReplication replication) {
		return replication.applyTo(TopicBuilder.name(Topics.ARTICLES).partitions(6)).build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TopicReplication.class)
	static class Replication {

	}

}
