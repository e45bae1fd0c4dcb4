package org.stancewatch.contracts;

/**
 * Topic names of design.md. A field is never removed or renamed inside a {@code .v1}
 * topic; a breaking change is a new topic version.
 */
public final class Topics {

	/** Key: article id. Value: {@link Article}. Compacted by id. */
	public static final String ARTICLES = "stancewatch.articles.v1";

	/**
	 * Key: dyad ({@code RU>AF}). Value: {@link RelationChange}. Kept forever: the event
	 * log.
	 */
	public static final String RELATION_CHANGES = "stancewatch.relation-changes.v1";

	/** Key: dyad. Value: {@link StanceShift}. Kept forever. */
	public static final String STANCE_SHIFTS = "stancewatch.stance-shifts.v1";

	/** Key: dyad. Value: {@link DyadStance}, the current stance. Compacted. */
	public static final String STANCE = "stancewatch.stance.v1";

	private static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	/**
	 * The dead-letter topic of a topic: same key, the failed record, the reason in
	 * headers.
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
