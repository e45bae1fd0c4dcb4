package org.stancewatch.extract;

import org.stancewatch.extract.rules.RelationExtractor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one place where the production {@link RelationExtractor} is chosen. An
 * auto-configuration (listed in {@code META-INF/spring/...AutoConfiguration.imports} and
 * so left out of component scanning) because {@link ConditionalOnMissingBean} is only
 * reliable there: it is evaluated after every application and test configuration, so an
 * extractor defined anywhere else wins.
 */
@AutoConfiguration
class ExtractorConfiguration {

	/**
	 * The rule engine goes here: this method returns it once the engine is part of the
	 * build. Until then it stops the start-up with the reason, rather than letting the
	 * service run and extract nothing.
	 */
	@Bean
	@ConditionalOnMissingBean
	RelationExtractor relationExtractor() {
		throw new IllegalStateException("No RelationExtractor: extract-service needs the rule engine "
				+ "(org.stancewatch.extract.rules) as a bean, wired in " + ExtractorConfiguration.class.getName());
	}

}
