package org.stancewatch.extract.rules;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the engine over every case of {@code fixtures/relation-changes.yml}, prints
 * precision and recall per action, and fails on any case whose events differ from the
 * expected ones.
 */
class RuleEngineFixtureTests {

	private static final LocalDate DEFAULT_PUBLISHED = LocalDate.of(2025, 3, 14);

	private static final RuleEngine ENGINE = new RuleEngine(Dictionaries.fromClasspath());

	@Test
	void everyFixtureReadsExactlyItsEvents() throws IOException {
		List<JsonNode> cases = fixtures();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
		Map<Action, int[]> perAction = new TreeMap<>();
		for (Action action : Action.values()) {
			perAction.put(action, new int[3]);
		}
		List<String> mismatches = new ArrayList<>();
		for (JsonNode fixture : cases) {
			List<RelationChange> actual = ENGINE.extract(article(fixture));
			List<String> problems = compare(fixture.get("events"), actual, perAction);
			if (!problems.isEmpty()) {
				mismatches.add(fixture.get("name").asString() + ": " + String.join("; ", problems));
			}
		}
		printTable(perAction, cases.size());
		assertThat(mismatches).as("fixtures read differently than expected").isEmpty();
	}

	private static List<String> compare(JsonNode expected, List<RelationChange> actual, Map<Action, int[]> perAction) {
		List<String> problems = new ArrayList<>();
		List<RelationChange> unmatched = new ArrayList<>(actual);
		for (JsonNode want : expected) {
			Action action = Action.valueOf(want.get("action").asString());
			RelationChange got = unmatched.stream()
				.filter((e) -> e.actor().equals(want.get("actor").asString()) && e.action() == action
						&& e.status().name().equals(want.get("status").asString()))
				.findFirst()
				.orElse(null);
			if (got == null) {
				perAction.get(action)[2]++;
				problems.add("missing " + describe(want));
				continue;
			}
			unmatched.remove(got);
			perAction.get(action)[0]++;
			if (want.has("date") && !want.get("date").asString().equals(String.valueOf(got.occurredOn()))) {
				problems.add(describe(want) + " dated " + got.occurredOn());
			}
			if (want.has("precision") && !want.get("precision").asString().equals(got.datePrecision().name())) {
				problems.add(describe(want) + " with precision " + got.datePrecision());
			}
			if (want.has("background") && want.get("background").asBoolean() != got.background()) {
				problems.add(describe(want) + " with background " + got.background());
			}
			if (want.has("evidence") && !got.evidence().contains(want.get("evidence").asString())) {
				problems.add(describe(want) + " with evidence '" + got.evidence() + "'");
			}
			if (want.has("maxConfidence") && got.confidence() > want.get("maxConfidence").asDouble()) {
				problems.add(describe(want) + " with confidence " + got.confidence());
			}
		}
		for (RelationChange extra : unmatched) {
			perAction.get(extra.action())[1]++;
			problems.add("unexpected " + extra.actor() + " " + extra.action() + " " + extra.status() + " "
					+ extra.occurredOn() + " from '" + extra.evidence() + "'");
		}
		return problems;
	}

	private static String describe(JsonNode want) {
		return want.get("actor").asString() + " " + want.get("action").asString() + " " + want.get("status").asString();
	}

	private static void printTable(Map<Action, int[]> perAction, int cases) {
		StringBuilder table = new StringBuilder();
		table.append(String.format("%nRule engine over %d fixtures%n%-22s %4s %4s %4s %9s %7s%n", cases, "action", "tp",
				"fp", "fn", "precision", "recall"));
		int[] total = new int[3];
		perAction.forEach((action, counts) -> {
			table.append(row(action.name(), counts));
			for (int i = 0; i < 3; i++) {
				total[i] += counts[i];
			}
		});
		table.append(row("ALL", total));
		System.out.println(table);
	}

	private static String row(String name, int[] counts) {
		return String.format("%-22s %4d %4d %4d %9s %7s%n", name, counts[0], counts[1], counts[2],
				ratio(counts[0], counts[0] + counts[1]), ratio(counts[0], counts[0] + counts[2]));
	}

	private static String ratio(int part, int whole) {
		return (whole == 0) ? "-" : String.format("%.2f", (double) part / whole);
	}

	static Article article(JsonNode fixture) {
		Instant published = DEFAULT_PUBLISHED.atStartOfDay(ZoneOffset.UTC).toInstant();
		if (fixture.has("published")) {
			JsonNode node = fixture.get("published");
			published = node.isNull() ? null
					: LocalDate.parse(node.asString()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		String name = fixture.get("name").asString();
		String url = "https://fixtures.invalid/" + name.replaceAll("[^a-z0-9]+", "-");
		String text = fixture.get("text").asString();
		String title = fixture.has("title") ? fixture.get("title").asString() : name;
		return new Article("id-" + Integer.toHexString(name.hashCode()), url, url, title, "fixtures.invalid", null,
				published, Instant.parse("2025-07-05T00:00:00Z"), "en", text, null, "hash", null);
	}

	static List<JsonNode> fixtures() throws IOException {
		try (InputStream in = RuleEngineFixtureTests.class.getResourceAsStream("/fixtures/relation-changes.yml")) {
			JsonNode root = YAMLMapper.builder().build().readTree(in);
			List<JsonNode> cases = new ArrayList<>();
			root.forEach(cases::add);
			return cases;
		}
	}

}
