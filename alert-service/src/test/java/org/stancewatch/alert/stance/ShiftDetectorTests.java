package org.stancewatch.alert.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.StanceShift.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.alert.RelationChangeFixtures.report;
import static org.stancewatch.contracts.Action.ACCEPT_AMBASSADOR;
import static org.stancewatch.contracts.Action.DELIST_TERRORIST;
import static org.stancewatch.contracts.Action.PRAISE;
import static org.stancewatch.contracts.Action.RECOGNIZE_GOVERNMENT;

class ShiftDetectorTests {

	private static final Instant NOW = Instant.parse("2025-07-04T12:00:00Z");

	@Test
	void theCommittingReportOfALevelChangeIsAShiftWithItsEvidenceAndSources() {
		Log log = new Log();
		log.append(report("RU", ACCEPT_AMBASSADOR).on(2025, 4, 17).article("a0", "one.example"));
		Observation added = log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a1", "wire.example"));

		StanceShift shift = detect(log).orElseThrow();

		assertThat(shift.kind()).isEqualTo(Kind.SHIFT);
		assertThat(shift.from()).isEqualTo(Level.NORMALIZED);
		assertThat(shift.to()).isEqualTo(Level.RECOGNIZED);
		assertThat(shift.causeEventId()).isEqualTo(added.eventId());
		assertThat(shift.evidence()).isEqualTo(added.change().evidence());
		assertThat(shift.sources()).extracting(StanceShift.Source::site).containsExactly("wire.example");
		assertThat(shift.late()).isFalse();
		assertThat(shift.occurredOn()).isEqualTo(LocalDate.of(2025, 7, 3));
	}

	@Test
	void theShiftIdDependsOnlyOnDyadCauseAndLevels() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT));

		StanceShift first = detect(log).orElseThrow();
		StanceShift again = ShiftDetector.detect(log.foldLast(), Log.RULES, NOW.plusSeconds(3600)).orElseThrow();

		assertThat(again.shiftId()).isEqualTo(first.shiftId());
		assertThat(ShiftDetector.shiftId(Log.RU, Kind.SHIFT, "other", Level.DISTANT, Level.RECOGNIZED))
			.isNotEqualTo(first.shiftId());
	}

	@Test
	void anIntentIsASignalThatLeavesTheLevel() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17).article("a0", "one.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).intended().article("a1", "wire.example"));

		StanceShift signal = detect(log).orElseThrow();

		assertThat(signal.kind()).isEqualTo(Kind.SIGNAL);
		assertThat(signal.from()).isEqualTo(Level.ENGAGED);
		assertThat(signal.to()).isEqualTo(Level.ENGAGED);
	}

	@Test
	void repeatsUncredibleReportsAndEpisodicActsRaiseNothing() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a1", "wire.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).copyOf("a1", "a1-copy", "mirror.example"));
		assertThat(detect(log)).isEmpty();
		assertThat(ShiftDetector.corroborated(log.foldLast())).isEmpty();

		log.append(report("RU", ACCEPT_AMBASSADOR).confidence(0.3).on(2025, 7, 20).article("a2", "x.example"));
		assertThat(detect(log)).isEmpty();

		log.append(report("RU", PRAISE).on(2025, 7, 21).article("a3", "y.example"));
		assertThat(detect(log)).isEmpty();
	}

	@Test
	void anIndependentRepeatCorroboratesTheCommittedAct() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a1", "wire.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a2", "daily.example"));

		Act act = ShiftDetector.corroborated(log.foldLast()).orElseThrow();

		assertThat(act.sources()).extracting(StanceShift.Source::site).containsExactly("wire.example", "daily.example");
		assertThat(detect(log)).isEmpty();
	}

	@Test
	void anActFirstSeenLongAfterItHappenedIsLateNews() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17), LocalDate.of(2025, 5, 2));

		assertThat(detect(log).orElseThrow().late()).as("15 days after").isTrue();
	}

	@Test
	void aMonthPreciseActIsNotLateWithinItsMonth() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).in(YearMonth.of(2025, 4)), LocalDate.of(2025, 4, 28));

		assertThat(detect(log).orElseThrow().late()).isFalse();
	}

	@Test
	void anUndatedBackgroundMentionOfAnUnknownActIsLateNews() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).undated().background());

		StanceShift shift = detect(log).orElseThrow();

		assertThat(shift.to()).isEqualTo(Level.ENGAGED);
		assertThat(shift.late()).isTrue();
	}

	@Test
	void aRecentBackgroundMentionOfAnUnknownActAlerts() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2025, 7, 1).background(), LocalDate.of(2025, 7, 4));

		assertThat(detect(log).orElseThrow().late()).isFalse();
	}

	/** What the log's last observation raises. */
	private static Optional<StanceShift> detect(Log log) {
		return ShiftDetector.detect(log.foldLast(), Log.RULES, NOW);
	}

}
