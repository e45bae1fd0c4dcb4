package org.stancewatch.extract.pipeline;

import org.stancewatch.extract.rules.RelationExtractor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts the {@link MarkerExtractor} in place of the rule engine; its version comes from
 * {@code test.extractor.version}, so that each test context writes events of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
class MarkerExtractorConfiguration {

	@Bean
	RelationExtractor markerExtractor(@Value("${test.extractor.version:marker/1.0.0}") String version) {
		return new MarkerExtractor(version);
	}

}
