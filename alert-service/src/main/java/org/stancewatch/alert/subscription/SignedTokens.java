package org.stancewatch.alert.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens that name a subscription and one purpose (unsubscribe, read the feed), signed
 * with HMAC-SHA256 so that they work without login and cannot be forged or reused for
 * another purpose.
 */
@Component
public class SignedTokens {

	private static final Log logger = LogFactory.getLog(SignedTokens.class);

	private final byte[] key;

	SignedTokens(@Value("${stancewatch.alert.token-secret:}") String tokenSecret,
			@Value("${stancewatch.alert.admin-key:${ALERT_ADMIN_KEY:}}") String adminKey) {
		String secret = tokenSecret.isBlank() ? adminKey : tokenSecret;
		if (secret.isBlank()) {
			logger.warn("Neither stancewatch.alert.token-secret nor the admin key is set: unsubscribe and feed "
					+ "links stop working when this process restarts");
			this.key = Secrets.randomBytes(32);
		}
		else {
			this.key = Secrets.sha256("stancewatch-token:" + secret);
		}
	}

	public String issue(Purpose purpose, UUID subscriptionId) {
		return subscriptionId + "." + mac(purpose, subscriptionId);
	}

	/** The subscription the token names, if it is genuine and for this purpose. */
	public Optional<UUID> verify(Purpose purpose, String token) {
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(token.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		byte[] expected = mac(purpose, id).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
	}

	private String mac(Purpose purpose, UUID id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal((purpose.name() + ":" + id).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

	/** What a token lets its holder do. */
	public enum Purpose {

		UNSUBSCRIBE, FEED

	}

}
