package org.stancewatch.extract.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsumerGroupTests {

	@Test
	void shouldResumeTheConfiguredGroupNormally() {
		assertThat(ConsumerGroup.of(settings(false), "stancewatch-rules/1.3.0").id()).isEqualTo("stancewatch-extract");
	}

	@Test
	void shouldStartAGroupPerEngineVersionWhenReprocessing() {
		assertThat(ConsumerGroup.of(settings(true), "stancewatch-rules/1.3.0").id())
			.isEqualTo("stancewatch-extract-reprocess-stancewatch-rules-1.3.0");
		assertThat(ConsumerGroup.of(settings(true), "stancewatch-rules/1.4.0").id())
			.isEqualTo("stancewatch-extract-reprocess-stancewatch-rules-1.4.0");
	}

	@Test
	void shouldRefuseAnEngineVersionThatNamesNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsumerGroup.of(settings(true), " / "))
			.withMessageContaining("cannot name a consumer group");
	}

	private static ExtractSettings settings(boolean reprocess) {
		return new ExtractSettings("stancewatch-extract", reprocess, new ExtractSettings.Topics(6, 6),
				new ExtractSettings.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(5)), 0);
	}

}
