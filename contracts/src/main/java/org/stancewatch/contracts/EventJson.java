package org.stancewatch.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * The JSON form of every event: ISO-8601 dates, enum names, no type information, unknown
 * fields ignored on read so that a producer may add fields to a {@code .v1} topic.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

	private EventJson() {
	}

	/**
	 * Applies the event settings to a builder, e.g. one Spring Boot already customised.
	 */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(Object event) {
		return MAPPER.writeValueAsBytes(event);
	}

	public static String writeString(Object event) {
		return MAPPER.writeValueAsString(event);
	}

	/**
	 * Reads an event.
	 * @throws tools.jackson.core.JacksonException when the bytes are not JSON of that
	 * event
	 */
	public static <T> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
