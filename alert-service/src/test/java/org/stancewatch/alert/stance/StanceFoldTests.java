package org.stancewatch.alert.stance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.DyadStance.Designation;
import org.stancewatch.contracts.DyadStance.Recognition;
import org.stancewatch.contracts.DyadStance.Representation;
import org.stancewatch.contracts.DyadStance.Sanctions;
import org.stancewatch.contracts.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.stancewatch.alert.RelationChangeFixtures.report;
import static org.stancewatch.contracts.Action.ACCEPT_DIPLOMATS;
import static org.stancewatch.contracts.Action.CLOSE_EMBASSY;
import static org.stancewatch.contracts.Action.DELIST_TERRORIST;
import static org.stancewatch.contracts.Action.DOWNGRADE_MISSION;
import static org.stancewatch.contracts.Action.IMPOSE_SANCTIONS;
import static org.stancewatch.contracts.Action.LIFT_SANCTIONS;
import static org.stancewatch.contracts.Action.LIST_TERRORIST;
import static org.stancewatch.contracts.Action.OPEN_EMBASSY;
import static org.stancewatch.contracts.Action.PRAISE;
import static org.stancewatch.contracts.Action.RECOGNIZE_GOVERNMENT;
import static org.stancewatch.contracts.Action.UPGRADE_MISSION;
import static org.stancewatch.contracts.Action.WITHDRAW_RECOGNITION;

class StanceFoldTests {

	static Stream<Arguments> factOfEachAction() {
		return Stream.of(
				Arguments.of(Action.RECOGNIZE_GOVERNMENT, Designation.UNKNOWN, Recognition.FORMAL, Representation.NONE,
						Sanctions.UNKNOWN, Level.RECOGNIZED),
				Arguments.of(Action.WITHDRAW_RECOGNITION, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.UNKNOWN, Level.DISTANT),
				Arguments.of(Action.ACCEPT_AMBASSADOR, Designation.UNKNOWN, Recognition.NONE, Representation.AMBASSADOR,
						Sanctions.UNKNOWN, Level.NORMALIZED),
				Arguments.of(Action.APPOINT_AMBASSADOR, Designation.UNKNOWN, Recognition.NONE,
						Representation.AMBASSADOR, Sanctions.UNKNOWN, Level.NORMALIZED),
				Arguments.of(Action.UPGRADE_MISSION, Designation.UNKNOWN, Recognition.NONE, Representation.ENVOY,
						Sanctions.UNKNOWN, Level.ENGAGED),
				Arguments.of(Action.DOWNGRADE_MISSION, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.UNKNOWN, Level.DISTANT),
				Arguments.of(Action.OPEN_EMBASSY, Designation.UNKNOWN, Recognition.NONE, Representation.ENVOY,
						Sanctions.UNKNOWN, Level.ENGAGED),
				Arguments.of(Action.CLOSE_EMBASSY, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.UNKNOWN, Level.DISTANT),
				Arguments.of(Action.HAND_OVER_EMBASSY, Designation.UNKNOWN, Recognition.NONE, Representation.ENVOY,
						Sanctions.UNKNOWN, Level.ENGAGED),
				Arguments.of(Action.ACCEPT_DIPLOMATS, Designation.UNKNOWN, Recognition.NONE, Representation.ENVOY,
						Sanctions.UNKNOWN, Level.ENGAGED),
				Arguments.of(Action.DELIST_TERRORIST, Designation.DELISTED, Recognition.NONE, Representation.NONE,
						Sanctions.UNKNOWN, Level.ENGAGED),
				Arguments.of(Action.LIST_TERRORIST, Designation.LISTED, Recognition.NONE, Representation.NONE,
						Sanctions.UNKNOWN, Level.HOSTILE),
				Arguments.of(Action.LIFT_SANCTIONS, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.LIFTED, Level.DISTANT),
				Arguments.of(Action.IMPOSE_SANCTIONS, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.IMPOSED, Level.HOSTILE),
				Arguments.of(Action.FREEZE_ASSETS, Designation.UNKNOWN, Recognition.NONE, Representation.NONE,
						Sanctions.IMPOSED, Level.HOSTILE));
	}

	@ParameterizedTest
	@MethodSource
	void factOfEachAction(Action action, Designation designation, Recognition recognition,
			Representation representation, Sanctions sanctions, Level level) {
		Log log = new Log();
		log.append(report("RU", action));

		DyadStance stance = log.fold().stance();

		assertThat(stance).isNotNull();
		assertThat(stance.designation()).isEqualTo(designation);
		assertThat(stance.recognition()).isEqualTo(recognition);
		assertThat(stance.representation()).isEqualTo(representation);
		assertThat(stance.sanctions()).isEqualTo(sanctions);
		assertThat(stance.level()).isEqualTo(level);
	}

	@Test
	void episodicActsMoveOnlyTheTone() {
		for (Action action : Arrays.stream(Action.values()).filter(Action::isEpisodic).toList()) {
			Log log = new Log();
			log.append(report("RU", action));

			DyadStance stance = log.fold().stance();

			assertThat(stance).isNotNull();
			assertThat(stance.level()).as(action.name()).isEqualTo(Level.DISTANT);
			assertThat(stance.representation()).isEqualTo(Representation.NONE);
			assertThat(stance.designation()).isEqualTo(Designation.UNKNOWN);
			assertThat(stance.sanctions()).isEqualTo(Sanctions.UNKNOWN);
			assertThat(stance.tone()).as(action.name()).isNotZero();
		}
	}

	@Test
	void upgradesAndDowngradesMoveRepresentationOneStepWithinItsBounds() {
		Log log = new Log();
		log.append(report("RU", UPGRADE_MISSION).on(2025, 1, 10).article("a1", "one.example"));
		assertThat(log.fold().stance().representation()).isEqualTo(Representation.ENVOY);
		log.append(report("RU", UPGRADE_MISSION).on(2025, 3, 10).article("a2", "one.example"));
		assertThat(log.fold().stance().representation()).isEqualTo(Representation.AMBASSADOR);
		log.append(report("RU", UPGRADE_MISSION).on(2025, 5, 10).article("a3", "one.example"));
		assertThat(log.fold().stance().representation()).isEqualTo(Representation.AMBASSADOR);
		log.append(report("RU", OPEN_EMBASSY).on(2025, 6, 10).article("a4", "one.example"));
		assertThat(log.fold().stance().representation()).as("at least envoy keeps an ambassador")
			.isEqualTo(Representation.AMBASSADOR);
		log.append(report("RU", DOWNGRADE_MISSION).on(2025, 7, 10).article("a5", "one.example"));
		assertThat(log.fold().stance().representation()).isEqualTo(Representation.ENVOY);
		log.append(report("RU", DOWNGRADE_MISSION).on(2025, 8, 10).article("a6", "one.example"));
		log.append(report("RU", DOWNGRADE_MISSION).on(2025, 9, 10).article("a7", "one.example"));
		assertThat(log.fold().stance().representation()).isEqualTo(Representation.NONE);
		assertThat(log.fold().stance().level()).isEqualTo(Level.DISTANT);
	}

	@Test
	void recognitionOutranksAListing() {
		assertThat(levelAfter(LIST_TERRORIST, RECOGNIZE_GOVERNMENT)).isEqualTo(Level.RECOGNIZED);
		assertThat(levelAfter(RECOGNIZE_GOVERNMENT, LIST_TERRORIST)).isEqualTo(Level.RECOGNIZED);
	}

	@Test
	void accreditedDiplomatsOutrankAListing() {
		assertThat(levelAfter(LIST_TERRORIST, ACCEPT_DIPLOMATS)).isEqualTo(Level.ENGAGED);
	}

	@Test
	void withdrawnRecognitionFallsBackToTheRemainingFacts() {
		assertThat(levelAfter(OPEN_EMBASSY, RECOGNIZE_GOVERNMENT, WITHDRAW_RECOGNITION)).isEqualTo(Level.ENGAGED);
		assertThat(levelAfter(LIST_TERRORIST, RECOGNIZE_GOVERNMENT, WITHDRAW_RECOGNITION)).isEqualTo(Level.HOSTILE);
	}

	@Test
	void sanctionsAreHostileOnlyWhenImposedAfterTheLastWarmingFact() {
		assertThat(levelAfter(IMPOSE_SANCTIONS)).isEqualTo(Level.HOSTILE);
		assertThat(levelAfter(OPEN_EMBASSY, CLOSE_EMBASSY, IMPOSE_SANCTIONS)).isEqualTo(Level.HOSTILE);
		assertThat(levelAfter(IMPOSE_SANCTIONS, OPEN_EMBASSY, CLOSE_EMBASSY)).isEqualTo(Level.DISTANT);
		assertThat(levelAfter(IMPOSE_SANCTIONS, LIFT_SANCTIONS)).isEqualTo(Level.DISTANT);
		assertThat(levelAfter(IMPOSE_SANCTIONS, PRAISE)).as("episodic acts are no warming fact")
			.isEqualTo(Level.HOSTILE);
	}

	@Test
	void delistingIsEngagedEvenUnderLaterSanctions() {
		assertThat(levelAfter(DELIST_TERRORIST, IMPOSE_SANCTIONS)).isEqualTo(Level.ENGAGED);
	}

	@Test
	void nothingKnownIsDistantWithoutAStance() {
		DyadHistory history = new Log().fold();

		assertThat(history.stance()).isNull();
		assertThat(history.level()).isEqualTo(Level.DISTANT);
	}

	@Test
	void lateReportOfAnOlderActIsPlacedWhereItsDateBelongs() {
		Log log = new Log();
		log.append(report("RU", LIST_TERRORIST).on(2025, 5, 20).article("a1", "one.example"));
		log.append(report("RU", DELIST_TERRORIST).on(2025, 2, 11).article("a2", "two.example"),
				LocalDate.of(2025, 6, 1));

		DyadHistory history = log.fold();

		assertThat(history.level()).as("the listing came after the delisting").isEqualTo(Level.HOSTILE);
		assertThat(history.levels()).extracting(LevelChange::on, LevelChange::from, LevelChange::to)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 2, 11), Level.DISTANT, Level.ENGAGED),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 5, 20), Level.ENGAGED, Level.HOSTILE));
		assertThat(history.acts()).extracting(Act::action).containsExactly(DELIST_TERRORIST, LIST_TERRORIST);
	}

	@Test
	void undatedActSitsAtThePublicationDateOfItsArticle() {
		Log log = new Log();
		log.append(report("RU", LIST_TERRORIST).on(2025, 3, 1).article("a1", "one.example"));
		log.append(report("RU", DELIST_TERRORIST).undated()
			.publishedAt(LocalDate.of(2025, 2, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
			.article("a2", "two.example"), LocalDate.of(2025, 3, 5));

		assertThat(log.fold().acts()).extracting(Act::action).containsExactly(DELIST_TERRORIST, LIST_TERRORIST);
		assertThat(log.fold().level()).isEqualTo(Level.HOSTILE);
	}

	@Test
	void intendedActsNeverChangeTheLevel() {
		Log log = new Log();
		log.append(report("RU", RECOGNIZE_GOVERNMENT).intended());

		DyadHistory history = log.fold();

		assertThat(history.level()).isEqualTo(Level.DISTANT);
		assertThat(history.stance().recognition()).isEqualTo(Recognition.NONE);
		assertThat(history.stance().events()).isOne();
		assertThat(history.levels()).isEmpty();
	}

	@Test
	void toneSumsWeightsOverTheNinetyDaysUpToTheLatestCommit() {
		Log log = new Log();
		LocalDate asOf = LocalDate.of(2025, 7, 3);
		log.append(report("RU", Action.CONDEMN).on(asOf.minusDays(90)).article("a1", "one.example"), asOf);
		log.append(report("RU", Action.SIGN_AGREEMENT).on(asOf.minusDays(89)).article("a2", "one.example"), asOf);
		log.append(report("RU", Action.PRAISE).on(asOf).article("a3", "one.example"), asOf);
		log.append(report("RU", Action.OPEN_EMBASSY).intended().on(asOf).article("a4", "one.example"), asOf);

		DyadStance stance = log.fold().stance();

		assertThat(stance.asOf()).isEqualTo(asOf);
		assertThat(stance.tone())
			.as("agreement 4 + praise 2 + half of an intended embassy 5; the condemnation"
					+ " on day 90 is out of the window")
			.isEqualTo(8.5);
		assertThat(stance.events()).isEqualTo(4);
		assertThat(stance.lastEventOn()).isEqualTo(asOf);
	}

	@Test
	void foldingTheSameLogTwiceGivesEqualStances() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17).article("a1", "one.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).on(2025, 7, 3).article("a2", "two.example"));

		assertThat(log.fold()).isEqualTo(log.fold());
	}

	@Test
	void foldingOneObservationAtATimeGivesTheFoldOfEachPrefix() {
		Log log = new Log();
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 17).article("a1", "one.example"));
		log.append(report("RU", DELIST_TERRORIST).on(2025, 4, 18).copyOf("a1", "a1-copy", "mirror.example"));
		log.append(report("RU", RECOGNIZE_GOVERNMENT).intended().on(2025, 5, 2).article("a2", "two.example"));
		log.append(report("RU", IMPOSE_SANCTIONS).confidence(0.3).on(2025, 5, 9).article("a3", "three.example"));
		log.append(report("RU", IMPOSE_SANCTIONS).on(2025, 5, 10).article("a4", "four.example"));
		log.append(report("RU", OPEN_EMBASSY).undated().article("a5", "five.example"));
		log.append(report("RU", ACCEPT_DIPLOMATS).on(2025, 3, 1).article("a6", "six.example"),
				LocalDate.of(2025, 6, 1));
		log.append(report("RU", OPEN_EMBASSY).on(2025, 6, 3).article("a7", "seven.example"));
		log.append(report("RU", LIFT_SANCTIONS).in(YearMonth.of(2025, 6)).article("a8", "eight.example"));
		List<Observation> observations = log.observations();

		StanceFold fold = StanceFold.of(Log.RU, List.of(), Log.RULES);
		for (Observation observation : observations) {
			StanceFold.Step step = fold.append(observation);

			List<Observation> prefix = observations.subList(0, observation.sequence());
			assertThat(step.after()).isEqualTo(StanceFold.fold(Log.RU, prefix, Log.RULES));
			assertThat(step.act().observations()).contains(observation);
		}
		assertThat(fold.history().levels()).isNotEmpty();
	}

	@Test
	void anObservationOutOfSequenceIsRefused() {
		Log log = new Log();
		log.append(report("RU", PRAISE).on(2025, 4, 17));
		Observation second = log.append(report("RU", PRAISE).on(2025, 4, 18));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> StanceFold.of(Log.RU, List.of(), Log.RULES).append(second))
			.withMessageContaining("#1");
	}

	private static Level levelAfter(Action... actions) {
		Log log = new Log();
		LocalDate date = LocalDate.of(2025, 1, 1);
		int article = 0;
		for (Action action : actions) {
			date = date.plusDays(10);
			log.append(report("RU", action).on(date).article("a" + (++article), "one.example"));
		}
		return log.fold().level();
	}

}
