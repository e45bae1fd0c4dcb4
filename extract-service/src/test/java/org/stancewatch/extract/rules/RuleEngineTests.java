package org.stancewatch.extract.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleEngineTests {

	private static final RuleEngine ENGINE = new RuleEngine(Dictionaries.fromClasspath());

	private static final String TEXT = """
			Envoys in Tashkent
			Uzbekistan accepted the credentials of the Taliban's ambassador on Thursday, its foreign ministry said.
			Kazakhstan had removed the Taliban from its list of banned organisations in December 2023.""";

	@Test
	void carriesTheArticleIntoEveryEvent() {
		Article article = article("a-1", TEXT);
		List<RelationChange> events = ENGINE.extract(article);

		assertThat(events).hasSize(2);
		RelationChange envoy = events.get(0);
		assertThat(envoy.articleId()).isEqualTo("a-1");
		assertThat(envoy.articleUrl()).isEqualTo(article.url());
		assertThat(envoy.articleTitle()).isEqualTo(article.title());
		assertThat(envoy.source()).isEqualTo(article.source());
		assertThat(envoy.publishedAt()).isEqualTo(article.publishedAt());
		assertThat(envoy.duplicateOf()).isEqualTo("a-0");
		assertThat(envoy.actor()).isEqualTo("UZ");
		assertThat(envoy.target()).isEqualTo("AF");
		assertThat(envoy.action()).isEqualTo(Action.ACCEPT_AMBASSADOR);
		assertThat(envoy.direction()).isEqualTo(Direction.WARMING);
		assertThat(envoy.status()).isEqualTo(Status.COMPLETED);
		assertThat(envoy.occurredOn()).hasToString("2025-07-03");
		assertThat(envoy.datePrecision()).isEqualTo(DatePrecision.DAY);
		assertThat(envoy.extractor()).isEqualTo("stancewatch-rules/1.2.0").isEqualTo(ENGINE.version());
		assertThat(envoy.confidence()).isBetween(0.8, 1.0);
	}

	@Test
	void evidenceIsTheSentenceAtItsOffsets() {
		Article article = article("a-1", TEXT);
		for (RelationChange event : ENGINE.extract(article)) {
			assertThat(article.text().substring(event.evidenceStart(), event.evidenceEnd()))
				.isEqualTo(event.evidence());
		}
		assertThat(ENGINE.extract(article).get(1).evidence())
			.isEqualTo("Kazakhstan had removed the Taliban from its list of banned organisations in December 2023.");
	}

	@Test
	void backgroundActsAreMarked() {
		List<RelationChange> events = ENGINE.extract(article("a-1", TEXT));
		assertThat(events).extracting(RelationChange::actor, RelationChange::background)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UZ", false),
					org.assertj.core.groups.Tuple.tuple("KZ", true));
	}

	@Test
	void eventIdsAreDeterministicAndDependOnArticleAndDate() {
		List<RelationChange> first = ENGINE.extract(article("a-1", TEXT));
		List<RelationChange> again = new RuleEngine(Dictionaries.fromClasspath()).extract(article("a-1", TEXT));
		List<RelationChange> otherArticle = ENGINE.extract(article("a-2", TEXT));

		assertThat(again).isEqualTo(first);
		assertThat(first.get(0).eventId()).matches("[0-9a-f]{64}").isNotEqualTo(first.get(1).eventId());
		assertThat(otherArticle.get(0).eventId()).isNotEqualTo(first.get(0).eventId());
		assertThat(first.get(0).eventId()).isEqualTo(EventIds.of("a-1", "UZ", "AF", Action.ACCEPT_AMBASSADOR,
				Status.COMPLETED, java.time.LocalDate.parse("2025-07-03"), RuleEngine.VERSION));
	}

	@Test
	void oneEngineServesManyThreadsWithTheSameResults() throws Exception {
		List<RelationChange> expected = ENGINE.extract(article("a-1", TEXT));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<RelationChange>>> futures = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				futures.add(pool.submit(() -> ENGINE.extract(article("a-1", TEXT))));
			}
			for (Future<List<RelationChange>> future : futures) {
				assertThat(future.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anArticleWithoutTextOrActsGivesNothing() {
		assertThat(ENGINE.extract(article("a-3", ""))).isEmpty();
		assertThat(ENGINE.extract(article("a-3", "Heavy snow closed the Salang pass for two days."))).isEmpty();
	}

	@Test
	void aTargetDictionaryAddsAGovernmentToWatch() {
		Dictionaries rules = Dictionaries.load(Map.of("watch.txt", "AF\nMM\n", "targets/MM.txt",
				"code: MM\nnames: junta | military government | Naypyidaw\nanaphors: the generals\n")::get);
		List<RelationChange> events = new RuleEngine(rules).extract(article("a-4",
				"Belarus formally recognised the military government in Naypyidaw. China and Pakistan have appointed ambassadors to Kabul."));

		assertThat(rules.targetCodes()).containsExactly("AF", "MM");
		assertThat(events).extracting(RelationChange::actor, RelationChange::target, RelationChange::action)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("BY", "MM", Action.RECOGNIZE_GOVERNMENT),
					org.assertj.core.groups.Tuple.tuple("CN", "AF", Action.APPOINT_AMBASSADOR),
					org.assertj.core.groups.Tuple.tuple("PK", "AF", Action.APPOINT_AMBASSADOR));
	}

	@Test
	void anOverriddenFileReplacesTheShippedOne() {
		Dictionaries rules = Dictionaries
			.load(Map.of("people.txt", "FR | Jeanne Exemple\n", "nonstate.txt", "United Nations | UN\n")::get);
		List<RelationChange> events = new RuleEngine(rules)
			.extract(article("a-5", "Jeanne Exemple praised the Taliban for the prisoner release."));
		assertThat(events).extracting(RelationChange::actor, RelationChange::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FR", Action.PRAISE));
	}

	@Test
	void aCuesFileOfAnOlderEngineLoadsAndBindsNoInstitution() throws java.io.IOException {
		String shipped;
		try (java.io.InputStream in = RuleEngineTests.class.getResourceAsStream("/rules/cues.txt")) {
			shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		String older = shipped.substring(0, shipped.indexOf("[state-institution]"));
		String text = "Kyrgyzstan hosted the Taliban's foreign minister on Tuesday. "
				+ "The government also lifted its ban on the movement.";
		assertThat(ENGINE.extract(article("a-6", text))).extracting(RelationChange::actor, RelationChange::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("KG", Action.DELIST_TERRORIST));
		assertThat(new RuleEngine(Dictionaries.load(Map.of("cues.txt", older)::get)).extract(article("a-6", text)))
			.isEmpty();
	}

	@Test
	void badRulesAreRejectedNamingTheFile() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Dictionaries.load(Map.of("actors.txt", "Russia | RU\n")::get))
			.withMessageContaining("actors.txt");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Dictionaries.load(Map.of("actions.txt", "[PRAISE]\nneeds: (unclosed\nverbs: laud\n")::get))
			.withMessageContaining("actions.txt")
			.withMessageContaining("(unclosed");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Dictionaries.load(Map.of("watch.txt", "XX\n", "targets/XX.txt", "names: nobody\n")::get))
			.withMessageContaining("targets/XX.txt");
		assertThatIllegalArgumentException().isThrownBy(() -> Dictionaries.load(Map.of("watch.txt", "ZZ\n")::get))
			.withMessageContaining("targets/ZZ.txt");
	}

	@Test
	void shipsEveryUnMemberState() throws java.io.IOException {
		String actors;
		try (java.io.InputStream in = RuleEngineTests.class.getResourceAsStream("/rules/actors.txt")) {
			actors = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		assertThat(actors.lines().filter((line) -> line.matches("[A-Z]{2} \\|.*")).map((l) -> l.substring(0, 2)))
			.hasSize(193)
			.doesNotHaveDuplicates();
	}

	@Test
	void neverFailsOnScrambledText() {
		String[] words = { "Russia", "the", "Taliban", "recognised", "'s", "not", "by", ",", ".", "?", "\n", "“", "”",
				"-", "accepted", "credentials", "of", "and", "in", "April", "2024", "on", "Thursday", "its", "ban",
				"lifted", "which", "said", "that", "Kabul", "U.S.", "Taliban-appointed", "(", ")", ";", "—", "it",
				"they", "embassy", "to", "Related", "stories", "", " ", "Mazar-i-Sharif", "n't", "ago", "two",
				"weeks" };
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			for (int w = random.nextInt(60); w > 0; w--) {
				text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
			}
			Article article = article("fuzz-" + i, text.toString());
			for (RelationChange event : ENGINE.extract(article)) {
				assertThat(article.text().substring(event.evidenceStart(), event.evidenceEnd()))
					.isEqualTo(event.evidence());
				assertThat(event.confidence()).isBetween(0.0, 1.0);
			}
		}
	}

	static Article article(String id, String text) {
		return new Article(id, "https://news.example/" + id, "https://news.example/" + id, "Envoys in Tashkent",
				"news.example", null, Instant.parse("2025-07-04T06:00:00Z"), Instant.parse("2025-07-04T07:00:00Z"),
				"en", text, null, "hash-" + id, "a-0");
	}

}
