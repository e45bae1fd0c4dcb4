package org.stancewatch.contracts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents 1.0 attributes of a record, carried in Kafka binary mode: each
 * attribute is a {@code ce_}-prefixed header and the record value is the event's JSON.
 * The only place these headers are written and read.
 *
 * @param id unique per event (with {@code source}); consumers drop a repeated id
 * @param type the {@link EventType#ceType()}
 * @param source the producing service, e.g. {@code /stancewatch/ingest-service}
 * @param time when the event was produced
 * @param subject what the event is about: the article id or the dyad
 */
public record CloudEvent(String id, String type, String source, Instant time, String subject) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/json";

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SPECVERSION = "ce_specversion";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE_HEADER = "content-type";

	public static CloudEvent of(EventType type, String id, String source, Instant time, String subject) {
		return new CloudEvent(id, type.ceType(), source, time, subject);
	}

	/** The headers to put on the Kafka record, in a stable order. */
	public Map<String, String> toHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ID, this.id);
		headers.put(TYPE, this.type);
		headers.put(SOURCE, this.source);
		headers.put(SPECVERSION, SPEC_VERSION);
		headers.put(TIME, this.time.toString());
		headers.put(SUBJECT, this.subject);
		headers.put(CONTENT_TYPE_HEADER, CONTENT_TYPE);
		return headers;
	}

	/**
	 * Reads the attributes from a record's headers.
	 * @param header the last value of a header, or {@code null} when absent
	 * @throws IllegalArgumentException when a required attribute is missing or malformed
	 */
	public static CloudEvent fromHeaders(Function<String, @Nullable String> header) {
		String specVersion = required(header, SPECVERSION);
		if (!SPEC_VERSION.equals(specVersion)) {
			throw new IllegalArgumentException("Unsupported CloudEvents spec version '" + specVersion + "'");
		}
		String time = required(header, TIME);
		try {
			return new CloudEvent(required(header, ID), required(header, TYPE), required(header, SOURCE),
					Instant.parse(time), required(header, SUBJECT));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Header " + TIME + " is not an RFC 3339 time: '" + time + "'", ex);
		}
	}

	public EventType eventType() {
		return EventType.ofCeType(this.type);
	}

	private static String required(Function<String, @Nullable String> header, String name) {
		String value = header.apply(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Missing CloudEvents header " + name);
		}
		return value;
	}

}
