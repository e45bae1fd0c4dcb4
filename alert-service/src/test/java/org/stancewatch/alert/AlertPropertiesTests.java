package org.stancewatch.alert;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPropertiesTests {

	@Test
	void noKeyOpensTheAdminApiWhileNoneIsConfigured() {
		AlertProperties properties = withAdminKey("");

		assertThat(properties.isAdminKey("")).isFalse();
		assertThat(properties.isAdminKey(null)).isFalse();
	}

	@Test
	void onlyTheConfiguredKeyOpensTheAdminApi() {
		AlertProperties properties = withAdminKey("s3cret-key");

		assertThat(properties.isAdminKey("s3cret-key")).isTrue();
		assertThat(properties.isAdminKey("s3cret-kez")).isFalse();
		assertThat(properties.isAdminKey(null)).isFalse();
		assertThat(properties.toString()).doesNotContain("s3cret-key");
	}

	private static AlertProperties withAdminKey(String key) {
		return new AlertProperties(Duration.ofDays(14), 0.6, key, "AF", 3, Duration.ofMillis(200), 500,
				Duration.ofSeconds(30), Duration.ofMinutes(1));
	}

}
