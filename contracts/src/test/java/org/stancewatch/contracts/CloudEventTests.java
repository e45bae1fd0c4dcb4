package org.stancewatch.contracts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CloudEventTests {

	private final CloudEvent event = CloudEvent.of(EventType.RELATION_CHANGE, "ev-1", "/stancewatch/extract-service",
			Instant.parse("2025-07-04T08:30:00Z"), "RU>AF");

	@Test
	void headersCarryEveryRequiredAttribute() {
		assertThat(this.event.toHeaders()).containsEntry("ce_id", "ev-1")
			.containsEntry("ce_type", "org.stancewatch.relation-change.v1")
			.containsEntry("ce_source", "/stancewatch/extract-service")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_time", "2025-07-04T08:30:00Z")
			.containsEntry("ce_subject", "RU>AF")
			.containsEntry("content-type", "application/json");
	}

	@Test
	void headersReadBackIntoTheSameEvent() {
		CloudEvent read = CloudEvent.fromHeaders(this.event.toHeaders()::get);
		assertThat(read).isEqualTo(this.event);
		assertThat(read.eventType()).isEqualTo(EventType.RELATION_CHANGE);
		assertThat(read.eventType().recordType()).isEqualTo(RelationChange.class);
	}

	@Test
	void aMissingOrForeignAttributeIsAClearError() {
		Map<String, String> headers = new HashMap<>(this.event.toHeaders());
		headers.remove("ce_id");
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(headers::get))
			.withMessage("Missing CloudEvents header ce_id");
		headers.put("ce_id", "ev-1");
		headers.put("ce_specversion", "0.3");
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.fromHeaders(headers::get))
			.withMessageContaining("0.3");
	}

	@Test
	void dyadsReadAndWriteTheKeyForm() {
		assertThat(Dyad.parse("RU>AF")).isEqualTo(new Dyad("RU", "AF"));
		assertThat(new Dyad("RU", "AF")).hasToString("RU>AF");
		assertThatIllegalArgumentException().isThrownBy(() -> Dyad.parse("Russia"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Dyad("ru", "AF"));
	}

}
