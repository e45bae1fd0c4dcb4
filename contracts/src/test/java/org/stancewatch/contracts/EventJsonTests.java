package org.stancewatch.contracts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventJsonTests {

	static Iterable<Object> events() {
		return EventFixtures.oneOfEach();
	}

	@ParameterizedTest
	@MethodSource("events")
	void everyEventSurvivesARoundTrip(Object event) {
		byte[] json = EventJson.write(event);
		assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void noJavaClassNamesOnTheWire(Object event) {
		String json = new String(EventJson.write(event), StandardCharsets.UTF_8);
		assertThat(json).doesNotContain("org.stancewatch").doesNotContain("@class").doesNotContain("@type");
	}

	@Test
	void datesAreIsoStrings() {
		String json = EventJson.writeString(EventFixtures.aRecognition("RU"));
		assertThat(json).contains("\"occurredOn\":\"2025-07-03\"").contains("\"publishedAt\":\"2025-07-04T08:30:00Z\"");
	}

	@Test
	void unknownFieldsAreIgnoredOnRead() {
		String json = EventJson.writeString(EventFixtures.aRecognition("RU"));
		String withExtra = "{\"addedInALaterRelease\":{\"nested\":[1,2]}," + json.substring(1);
		assertThat(EventJson.read(withExtra, RelationChange.class)).isEqualTo(EventFixtures.aRecognition("RU"));
	}

	@Test
	void anUnknownActionIsRejected() {
		String json = EventJson.writeString(EventFixtures.aRecognition("RU"))
			.replace("RECOGNIZE_GOVERNMENT", "ANNEX_TERRITORY");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> EventJson.read(json, RelationChange.class))
			.withMessageContaining("ANNEX_TERRITORY");
	}

	@Test
	void aMissingPrimitiveIsRejectedRatherThanDefaulted() {
		String json = EventJson.writeString(EventFixtures.aRecognition("RU")).replace("\"background\":false,", "");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> EventJson.read(json, RelationChange.class));
	}

}
