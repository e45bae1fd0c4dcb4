package org.stancewatch.testsupport;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Like {@link RealKafka}, for code that uses Kafka transactions:
 * {@code @ContextConfiguration(initializers = RealTransactionalKafka.class)}.
 * <p>
 * {@link TestInfrastructure}'s in-JVM broker keeps Kafka's defaults for the transaction
 * state log (replication factor 3, min ISR 2), which one broker cannot meet, so
 * {@code initTransactions()} times out there. The broker given by environment and the
 * Testcontainers broker (which sets both to 1) are used as they are; without them this
 * class starts an in-JVM broker of its own, configured for transactions, with topic
 * auto-creation off as everywhere else. Folding the two broker properties into
 * {@link TestInfrastructure} would make this class a one-line delegate.
 */
public class RealTransactionalKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static @Nullable String bootstrapServers;

	/**
	 * Bootstrap servers of a broker that supports transactions, started on first call.
	 */
	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = start();
		}
		return bootstrapServers;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.kafka.bootstrap-servers=" + bootstrapServers()).applyTo(context);
	}

	private static String start() {
		String given = System.getenv("STANCEWATCH_TEST_KAFKA");
		if ((given != null && !given.isBlank()) || docker()) {
			return TestInfrastructure.kafkaBootstrapServers();
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("auto.create.topics.enable", "false");
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		return broker.getBrokersAsString();
	}

	private static boolean docker() {
		return !"false".equals(System.getenv("STANCEWATCH_TEST_DOCKER"))
				&& DockerClientFactory.instance().isDockerAvailable();
	}

}
