package org.stancewatch.contracts;

import java.util.Arrays;

/**
 * The CloudEvents {@code ce_type} of each event, the record it is read into and the topic
 * it travels on. The type on the wire is this name, never a Java class name.
 */
public enum EventType {

	ARTICLE("org.stancewatch.article.v1", Article.class, Topics.ARTICLES),
	RELATION_CHANGE("org.stancewatch.relation-change.v1", RelationChange.class, Topics.RELATION_CHANGES),
	STANCE_SHIFT("org.stancewatch.stance-shift.v1", StanceShift.class, Topics.STANCE_SHIFTS),
	DYAD_STANCE("org.stancewatch.dyad-stance.v1", DyadStance.class, Topics.STANCE);

	private final String ceType;

	private final Class<?> recordType;

	private final String topic;

	EventType(String ceType, Class<?> recordType, String topic) {
		this.ceType = ceType;
		this.recordType = recordType;
		this.topic = topic;
	}

	public String ceType() {
		return this.ceType;
	}

	public Class<?> recordType() {
		return this.recordType;
	}

	public String topic() {
		return this.topic;
	}

	public static EventType ofCeType(String ceType) {
		return Arrays.stream(values())
			.filter((type) -> type.ceType.equals(ceType))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown event type '" + ceType + "'"));
	}

}
