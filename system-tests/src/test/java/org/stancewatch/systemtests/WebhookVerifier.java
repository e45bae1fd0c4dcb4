package org.stancewatch.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * alone (not from alert-service's signer): HMAC-SHA256 keyed with the base64 secret after
 * {@code whsec_}, over {@code id.timestamp.body}, any of the space-separated {@code v1,}
 * signatures matching in constant time, and a timestamp within five minutes.
 */
final class WebhookVerifier {

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	WebhookVerifier(String secret) {
		this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
	}

	boolean verifies(String id, String timestamp, String signatures, byte[] body, Instant now) {
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
			return false;
		}
		byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		for (String signature : signatures.split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

	private byte[] hmac(byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
