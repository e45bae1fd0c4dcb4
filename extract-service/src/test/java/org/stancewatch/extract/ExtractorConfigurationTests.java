package org.stancewatch.extract;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.extract.rules.RuleEngine;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ExtractorConfiguration.class));

	@Test
	void shouldUseTheRuleEngineByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(RelationExtractor.class)
			.isInstanceOf(RuleEngine.class)
			.extracting(RelationExtractor::version)
			.isEqualTo(RuleEngine.VERSION));
	}

	@Test
	void shouldRefuseToStartWithAnUnreadableRulesDirectory() {
		this.runner.withPropertyValues("stancewatch.extract.rules-dir=/nonexistent/stancewatch-rules")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void shouldUseAnExtractorDefinedElsewhere() {
		this.runner.withUserConfiguration(OtherExtractor.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(RelationExtractor.class)
				.extracting(RelationExtractor::version)
				.isEqualTo("other/1.0.0"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OtherExtractor {

		@Bean
		RelationExtractor otherExtractor() {
			return new RelationExtractor() {

				@Override
				public List<RelationChange> extract(Article article) {
					return List.of();
				}

				@Override
				public String version() {
					return "other/1.0.0";
				}

			};
		}

	}

}
