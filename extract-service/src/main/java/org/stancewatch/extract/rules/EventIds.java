package org.stancewatch.extract.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Status;

/**
 * Deterministic event ids: SHA-256 over the fields that make an observation the same, so
 * a replay of an article gives the same ids.
 */
final class EventIds {

	private EventIds() {
	}

	static String of(String articleId, String actor, String target, Action action, Status status,
			@Nullable LocalDate occurredOn, String extractor) {
		String key = String.join("\u001f", articleId, actor, target, action.name(), status.name(),
				(occurredOn != null) ? occurredOn.toString() : "", extractor);
		return sha256(key);
	}

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
