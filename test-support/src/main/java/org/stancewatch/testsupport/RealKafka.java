package org.stancewatch.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the test broker:
 * {@code @ContextConfiguration(initializers = RealKafka.class)}.
 */
public class RealKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers())
			.applyTo(context);
	}

}
