package org.stancewatch.alert.stance;

import java.time.Duration;

/**
 * The settings the fold depends on.
 *
 * @param minConfidence the first observation of an act at or above this confidence
 * commits it
 * @param maxEventAge an act first seen longer than this after it happened is late news
 */
public record StanceRules(double minConfidence, Duration maxEventAge) {

	public StanceRules {
		if (minConfidence < 0 || minConfidence > 1) {
			throw new IllegalArgumentException("minConfidence must be within 0..1, not " + minConfidence);
		}
		if (maxEventAge.isNegative()) {
			throw new IllegalArgumentException("maxEventAge must not be negative, not " + maxEventAge);
		}
	}

}
