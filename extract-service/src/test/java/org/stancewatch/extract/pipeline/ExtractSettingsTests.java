package org.stancewatch.extract.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(BindSettings.class);

	@Test
	void shouldDefaultToTheLiveGroupSixPartitionsFourTriesAndAWorkerPerProcessor() {
		this.runner.run((context) -> {
			ExtractSettings settings = context.getBean(ExtractSettings.class);
			assertThat(settings.groupId()).isEqualTo("stancewatch-extract");
			assertThat(settings.reprocess()).isFalse();
			assertThat(settings.topics()).isEqualTo(new ExtractSettings.Topics(6, 6));
			assertThat(settings.retry())
				.isEqualTo(new ExtractSettings.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(5)));
			assertThat(settings.workerThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void shouldBindTheServiceSettings() {
		this.runner
			.withPropertyValues("stancewatch.extract.group-id=extract-eu", "stancewatch.extract.reprocess=true",
					"stancewatch.extract.topics.articles-partitions=12", "stancewatch.extract.retry.max-attempts=2",
					"stancewatch.extract.workers=3")
			.run((context) -> {
				ExtractSettings settings = context.getBean(ExtractSettings.class);
				assertThat(settings.groupId()).isEqualTo("extract-eu");
				assertThat(settings.reprocess()).isTrue();
				assertThat(settings.topics().articlesPartitions()).isEqualTo(12);
				assertThat(settings.retry().maxAttempts()).isEqualTo(2);
				assertThat(settings.workerThreads()).isEqualTo(3);
			});
	}

	@Test
	void shouldRefuseToStartWithSettingsThatCannotWork() {
		this.runner.withPropertyValues("stancewatch.extract.retry.max-attempts=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-attempts counts the first try"));
		this.runner.withPropertyValues("stancewatch.extract.topics.relation-changes-partitions=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("at least one partition"));
		this.runner.withPropertyValues("stancewatch.extract.workers=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("workers is a thread count"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ExtractSettings.class)
	static class BindSettings {

	}

}
