package org.stancewatch.alert.stance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.StanceShift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stancewatch.alert.RelationChangeFixtures.report;
import static org.stancewatch.contracts.Action.DELIST_TERRORIST;
import static org.stancewatch.contracts.Action.RECOGNIZE_GOVERNMENT;

class CorroborationTests {

	@Test
	void reportsOfTheSameActWithinThreeDaysAreOneAct() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 7, 3).article("a1", "one.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 7, 6).article("a2", "two.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 7, 10).article("a3", "three.example"));

		List<Act> acts = Corroboration.cluster(log.observations(), Log.RULES.minConfidence());

		assertThat(acts).hasSize(2);
		assertThat(acts.get(0).observations()).hasSize(2);
		assertThat(acts.get(1).date()).isEqualTo(LocalDate.of(2025, 7, 10));
	}

	@Test
	void aReportJoinsTheNearerOfTwoActsItCouldBelongTo() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 12, 26).article("a1", "one.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 12, 31).article("a2", "two.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 12, 29).article("a3", "three.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2026, 1, 2).article("a4", "four.example"));

		List<Act> acts = Corroboration.cluster(log.observations(), Log.RULES.minConfidence());

		assertThat(acts).extracting(Act::date).containsExactly(LocalDate.of(2025, 12, 26), LocalDate.of(2025, 12, 31));
		assertThat(acts.get(1).observations())
			.as("two days from the 31st, three from the 26th; and across the new year")
			.extracting(Observation::sequence)
			.containsExactly(2, 3, 4);
	}

	@Test
	void aMonthPreciseReportJoinsAnActOfThatMonthAndLendsItNoPrecision() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).in(YearMonth.of(2025, 4)).article("a1", "one.example"));
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17).article("a2", "two.example"));
		log.append(report("RU", DELIST_TERRORIST).in(YearMonth.of(2025, 5)).article("a3", "three.example"));

		List<Act> acts = Corroboration.cluster(log.observations(), Log.RULES.minConfidence());

		assertThat(acts).hasSize(2);
		assertThat(acts.get(0).date()).as("the day-precise report refines the act's date")
			.isEqualTo(LocalDate.of(2025, 4, 17));
		assertThat(acts.get(0).precision()).isEqualTo(DatePrecision.DAY);
	}

	@Test
	void anIntentAndTheDeedAreDifferentActs() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).intended().article("a1", "one.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a2", "two.example"));

		assertThat(Corroboration.cluster(log.observations(), 0.6)).hasSize(2);
	}

	@Test
	void anUndatedReportJoinsTheLatestActOfItsKind() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2024, 10, 4).article("a1", "one.example"));
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17).article("a2", "two.example"));
		log.append(report("RU", DELIST_TERRORIST).undated().background().article("a3", "three.example"));

		List<Act> acts = Corroboration.cluster(log.observations(), 0.6);

		assertThat(acts).hasSize(2);
		assertThat(acts.get(1).observations()).extracting(Observation::sequence).containsExactly(2, 3);
	}

	@Test
	void aSyndicatedCopyIsNoIndependentSource() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).copyOf("a1", "a1-copy", "mirror.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a1", "wire.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).article("a2", "daily.example"));

		Act act = Corroboration.cluster(log.observations(), 0.6).get(0);

		assertThat(act.observations()).hasSize(3);
		assertThat(act.sources()).extracting(StanceShift.Source::site)
			.as("the original stands for its family, even when its copy came first")
			.containsExactly("wire.example", "daily.example");
	}

	@Test
	void theFirstCredibleReportCommitsTheAct() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).confidence(0.4).article("a1", "one.example"));
		Act uncommitted = Corroboration.cluster(log.observations(), 0.6).get(0);
		log.append(report("RU", RECOGNIZE_GOVERNMENT).confidence(0.8).article("a2", "two.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).confidence(0.95).article("a3", "three.example"));

		Act act = Corroboration.cluster(log.observations(), 0.6).get(0);

		assertThat(uncommitted.committed()).isFalse();
		assertThat(act.committing().sequence()).isEqualTo(2);
		assertThat(act.sources()).hasSize(3);
	}

}
