package org.stancewatch.alert.delivery;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.stancewatch.alert.ShiftFixtures;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.StanceShift;

import static org.assertj.core.api.Assertions.assertThat;

class AlertContentTests {

	@Test
	void shouldSayWhoMovedFromWhichLevelToWhichWithActDateEvidenceSourcesAndHistory() {
		AlertContent content = AlertContent.of(ShiftFixtures.recognition("RU"), DeliveryKind.ALERT,
				"https://stancewatch.example.org/");

		assertThat(content.subject()).isEqualTo("Russia toward Afghanistan: NORMALIZED -> RECOGNIZED");
		assertThat(content.plainText())
			.contains("Russia's stance toward the government of Afghanistan moved from " + "NORMALIZED to RECOGNIZED")
			.contains("Recognize government (completed, warming), on 3 July 2025")
			.contains("\"The foreign ministry said on Thursday that it had taken the step after months of talks.\"")
			.contains("Confidence: 90%")
			.contains("Sources (2):")
			.contains("https://news1.example.org/world/ru-kabul-1")
			.contains("https://news2.example.org/world/ru-kabul-2")
			.contains("History: https://stancewatch.example.org/api/stances/RU");
		assertThat(content.note()).isNull();
	}

	@Test
	void shouldWriteOnlyAsMuchOfTheDateAsIsKnown() {
		StanceShift shift = ShiftFixtures.recognition("QA");
		StanceShift monthOnly = new StanceShift(shift.shiftId(), shift.kind(), shift.actor(), shift.target(),
				shift.from(), shift.to(), shift.action(), shift.status(), LocalDate.parse("2025-04-01"),
				DatePrecision.MONTH, shift.causeEventId(), shift.evidence(), shift.sources(), shift.confidence(),
				shift.late(), shift.detectedAt());

		assertThat(AlertContent.of(monthOnly, DeliveryKind.ALERT, "http://x").act()).endsWith("in April 2025");
	}

	@Test
	void shouldMarkSignalsLateNewsAndTests() {
		AlertContent signal = AlertContent.of(ShiftFixtures.announcedDelisting("KZ"), DeliveryKind.ALERT, "http://x");
		AlertContent test = AlertContent.of(ShiftFixtures.recognition("RU"), DeliveryKind.TEST, "http://x");

		assertThat(signal.headline()).contains("announced").contains("stays DISTANT");
		assertThat(signal.act()).contains("intended");
		assertThat(test.subject()).startsWith("[test]");
		assertThat(test.note()).contains("test message");
	}

}
