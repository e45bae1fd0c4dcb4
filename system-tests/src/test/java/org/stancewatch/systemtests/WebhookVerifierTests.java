package org.stancewatch.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier the system tests trust must itself agree with the Standard Webhooks
 * specification's published test vector, and must refuse what a receiver refuses.
 */
class WebhookVerifierTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final String TIMESTAMP = "1614265330";

	private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final Instant SIGNED = Instant.ofEpochSecond(1614265330);

	private final WebhookVerifier verifier = new WebhookVerifier(SECRET);

	@Test
	void acceptsTheSpecificationsTestVector() {
		assertThat(this.verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED)).isTrue();
	}

	@Test
	void acceptsTheMatchingOneAmongSeveralSignatures() {
		assertThat(this.verifier.verifies(ID, TIMESTAMP, "v1,bm90IHRoaXMgb25l " + SIGNATURE, BODY, SIGNED)).isTrue();
	}

	@Test
	void refusesAChangedBodyIdOrTimestamp() {
		byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.verifier.verifies(ID, TIMESTAMP, SIGNATURE, changed, SIGNED)).isFalse();
		assertThat(this.verifier.verifies("msg_other", TIMESTAMP, SIGNATURE, BODY, SIGNED)).isFalse();
		assertThat(this.verifier.verifies(ID, "1614265331", SIGNATURE, BODY, SIGNED)).isFalse();
	}

	@Test
	void refusesAStaleTimestamp() {
		assertThat(this.verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED.plusSeconds(301))).isFalse();
	}

	@Test
	void refusesAnotherSecret() {
		WebhookVerifier other = new WebhookVerifier("whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=");
		assertThat(other.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED)).isFalse();
	}

}
