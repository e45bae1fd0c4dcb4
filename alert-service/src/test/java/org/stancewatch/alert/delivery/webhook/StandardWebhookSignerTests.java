package org.stancewatch.alert.delivery.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhookSignerTests {

	@Test
	void shouldReproduceThePublishedStandardWebhooksTestVector() {
		String signature = StandardWebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void shouldSignDifferentlyWhenTheBodyChanges() {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		String one = StandardWebhookSigner.sign(secret, "id", 1L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		String other = StandardWebhookSigner.sign(secret, "id", 1L, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));

		assertThat(one).isNotEqualTo(other);
	}

}
