package org.stancewatch.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the test broker and at a new database of its own:
 * {@code @ContextConfiguration(initializers = RealKafkaAndPostgres.class)}.
 */
public class RealKafkaAndPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		new RealKafka().initialize(context);
		TestInfrastructure.Database database = TestInfrastructure.newDatabase();
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.applyTo(context);
	}

}
