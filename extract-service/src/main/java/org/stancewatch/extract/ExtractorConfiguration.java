package org.stancewatch.extract;

import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.extract.rules.RuleEngine;
import org.stancewatch.extract.rules.RulesDirectory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link RelationExtractor} of the service, used by the Kafka pipeline and the
 * try-out endpoint: the rule engine, built once from the shipped rules or
 * {@code stancewatch.extract.rules-dir}. An auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}) because
 * {@link ConditionalOnMissingBean} is only reliable there: an extractor a test defines
 * wins.
 */
@AutoConfiguration
@EnableConfigurationProperties(RulesProperties.class)
public class ExtractorConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RelationExtractor relationExtractor(RulesProperties properties) {
		return new RuleEngine(RulesDirectory.load(properties.rulesDir()));
	}

}
