package org.stancewatch.alert.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} and base64 of HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the base64-decoded part of the {@code whsec_}
 * secret.
 */
final class StandardWebhookSigner {

	private static final String PREFIX = "whsec_";

	private StandardWebhookSigner() {
	}

	static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
		String encodedKey = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
			mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

}
