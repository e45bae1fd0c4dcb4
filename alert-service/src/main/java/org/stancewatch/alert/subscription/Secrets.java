package org.stancewatch.alert.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random keys and secrets, and the hash under which API keys are stored. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** An API key: {@code sw_} and 32 random bytes, URL-safe. */
	static String newApiKey() {
		return "sw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
	}

	/**
	 * A Standard Webhooks signing secret: {@code whsec_} and 32 random bytes in base64.
	 */
	static String newWebhookSecret() {
		return "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
