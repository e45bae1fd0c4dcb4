package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;

/**
 * Reads a record of the relation-changes topic, or says precisely why it cannot.
 */
final class RelationChangeReader {

	private RelationChangeReader() {
	}

	static RelationChange read(ConsumerRecord<String, @Nullable String> record) {
		String type = header(record, CloudEvent.TYPE);
		if (type != null && !EventType.RELATION_CHANGE.ceType().equals(type)) {
			throw new InvalidRelationChangeException(
					"Expected ce_type " + EventType.RELATION_CHANGE.ceType() + " but got '" + type + "'");
		}
		String value = record.value();
		if (value == null || value.isBlank()) {
			throw new InvalidRelationChangeException("The record has no value");
		}
		RelationChange change;
		try {
			change = EventJson.read(value, RelationChange.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRelationChangeException("The value is not a RelationChange: " + ex.getOriginalMessage(),
					ex);
		}
		validate(change, record.key());
		return change;
	}

	@SuppressWarnings("NullAway")
	private static void validate(RelationChange change, @Nullable String key) {
		List<String> problems = new ArrayList<>();
		require(problems, change.eventId(), "eventId");
		require(problems, change.articleId(), "articleId");
		require(problems, change.articleUrl(), "articleUrl");
		require(problems, change.action(), "action");
		require(problems, change.direction(), "direction");
		require(problems, change.status(), "status");
		require(problems, change.datePrecision(), "datePrecision");
		require(problems, change.evidence(), "evidence");
		require(problems, change.extractor(), "extractor");
		Dyad dyad = null;
		try {
			dyad = change.dyad();
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
		}
		if (dyad != null && !Objects.equals(key, dyad.toString())) {
			problems.add("the record key '" + key + "' is not the dyad " + dyad);
		}
		if (change.action() != null && change.direction() != null
				&& change.action().direction() != change.direction()) {
			problems.add("direction " + change.direction() + " contradicts action " + change.action());
		}
		if (!(change.confidence() >= 0 && change.confidence() <= 1)) {
			problems.add("confidence " + change.confidence() + " is not within 0..1");
		}
		if (change.datePrecision() != null
				&& (change.occurredOn() == null) != (change.datePrecision() == DatePrecision.UNKNOWN)) {
			problems.add("occurredOn must be absent exactly when datePrecision is UNKNOWN");
		}
		if (!problems.isEmpty()) {
			throw new InvalidRelationChangeException("Invalid RelationChange "
					+ ((change.eventId() != null) ? change.eventId() + ": " : ": ") + String.join("; ", problems));
		}
	}

	private static void require(List<String> problems, @Nullable Object value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			problems.add(field + " is missing");
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
