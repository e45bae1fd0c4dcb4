package org.stancewatch.alert.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to.
 *
 * @param outcome delivered, failed (try again), or gone (the receiver wants no more)
 * @param statusCode the HTTP status, for web channels
 * @param error what went wrong, in words
 */
public record SendResult(Outcome outcome, @Nullable Integer statusCode, @Nullable String error) {

	public static SendResult delivered(@Nullable Integer statusCode) {
		return new SendResult(Outcome.DELIVERED, statusCode, null);
	}

	public static SendResult failed(@Nullable Integer statusCode, String error) {
		return new SendResult(Outcome.FAILED, statusCode, error);
	}

	public static SendResult gone(int statusCode) {
		return new SendResult(Outcome.GONE, statusCode, "the receiver answered " + statusCode + " Gone");
	}

	/** How an attempt ended. */
	public enum Outcome {

		DELIVERED, FAILED, GONE

	}

}
