package org.stancewatch.extract;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.extract.rules.RuleEngine;
import org.stancewatch.extract.rules.RulesDirectory;

/**
 * The one {@link RelationExtractor} of the service, used by the Kafka pipeline and the
 * try-out endpoint. Java configuration because the engine is plain Java: it is built
 * here, once, from the shipped rules or {@code stancewatch.extract.rules-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
public class ExtractorConfiguration {

	@Bean
	RelationExtractor relationExtractor(RulesProperties properties) {
		return new RuleEngine(RulesDirectory.load(properties.rulesDir()));
	}

}
