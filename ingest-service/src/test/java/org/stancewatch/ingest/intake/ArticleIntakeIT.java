package org.stancewatch.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways in besides feeds: {@code POST /api/articles} and file imports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stancewatch.ingest.poll.enabled=false")
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class ArticleIntakeIT {

	private static final String STORY = """
			The ministry said on Tuesday that talks on transit fees had made progress, and that a second round
			would be held in the spring. Traders at the crossing said queues of lorries had grown shorter since
			the new schedule began, although fuel prices remained high and several routes were still closed by
			snow. Officials from both governments are expected to sign a memorandum on customs procedures.""";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ArticleImport articleImport;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreAPostedArticleOnceAndLinkASyndicatedCopyToIt() throws Exception {
		HttpResponse<String> first = post("""
				{"url":"https://desk.example.org/transit?utm_source=x","title":"Transit talks","text":%s,
				 "publishedAt":"2025-11-04T09:00:00Z","language":"en"}""".formatted(json(STORY)));
		assertThat(first.statusCode()).isEqualTo(201);
		JsonNode original = EventJson.mapper().readTree(first.body());
		assertThat(original.get("canonicalUrl").asString()).isEqualTo("https://desk.example.org/transit");
		assertThat(original.get("duplicateOf").isNull()).isTrue();

		HttpResponse<String> again = post("""
				{"url":"https://desk.example.org/transit","title":"Transit talks","text":%s}""".formatted(json(STORY)));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains(original.get("id").asString()).contains("already known");

		HttpResponse<String> copy = post("""
				{"url":"https://wire.example.net/2025/11/transit-talks","title":"Transit talks progress","text":%s}"""
			.formatted(json("By a staff reporter. " + STORY + " This story first appeared on desk.example.org.")));
		assertThat(copy.statusCode()).isEqualTo(201);
		assertThat(EventJson.mapper().readTree(copy.body()).get("duplicateOf").asString())
			.isEqualTo(original.get("id").asString());
	}

	@Test
	void shouldRecogniseACopyOfAnArticleStoredBeforeShinglesWereStoredWithIt() throws Exception {
		String story = """
				The central bank said on Sunday that it would release a further tranche of reserves held abroad
				to pay for fuel imports over the winter, after weeks of talks with the trustees of the fund and
				with the finance ministries of two neighbouring states.""";
		JsonNode original = stored("https://archive.example.org/reserves", story);
		// As a row stored before migration V5 added the column.
		this.jdbc.sql("update article set shingles = null where id = ?").param(original.get("id").asString()).update();

		JsonNode copy = stored("https://mirror.example.net/reserves", "Filed by a correspondent. " + story);

		assertThat(copy.get("duplicateOf").asString()).isEqualTo(original.get("id").asString());
	}

	@Test
	void shouldPlanTheNearDuplicateLookupOncePerConnectionNotPerArticle() {
		// Its custom plans cost about a millisecond each and, on stale statistics, read
		// every original of a crowded SimHash band (application.yml).
		assertThat(this.jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_generic_plan");
	}

	@Test
	void shouldFindTheOriginalOfACopyAmongManyStoriesThatShareItsBoilerplate() throws Exception {
		// A newsletter's stories share a long footer: their fingerprints all lie near
		// each other, although none copies another.
		String footer = """
				This report is part of our weekly regional briefing. Subscribe to receive the briefing every
				Monday morning, read our corrections policy on the website, and write to the desk with tips,
				documents or questions about anything you read here today.""";
		List<String> topics = List.of("grain", "visas", "trucks", "border", "wheat", "rail", "cotton", "fuel", "water",
				"bridge", "power", "clinics", "schools", "roads", "mines", "loans", "flights", "cargo", "tariffs",
				"permits", "envoys", "courts", "wells", "dams", "seeds", "textiles", "banks", "ports", "salaries");
		for (int story = 1; story <= 25; story++) {
			List<String> agenda = new ArrayList<>(topics);
			Collections.shuffle(agenda, new Random(story));
			String text = "Officials discussed " + String.join(" ", agenda.subList(0, 16)) + ". " + footer;
			HttpResponse<String> posted = post("""
					{"url":"https://briefing.example.org/%d","title":"Briefing %d","text":%s}""".formatted(story, story,
					json(text)));
			assertThat(EventJson.mapper().readTree(posted.body()).get("duplicateOf").isNull()).isTrue();
		}
		JsonNode original = EventJson.mapper()
			.readTree(post("""
					{"url":"https://briefing.example.org/envoy","title":"Envoy accepted","text":%s}""".formatted(json(
					"The foreign ministry accepted the credentials of an envoy sent by the authorities in the capital,"
							+ " after talks on rail links and water sharing. " + footer)))
				.body());

		JsonNode copy = EventJson.mapper()
			.readTree(post("""
					{"url":"https://wire.example.net/envoy","title":"Envoy accepted","text":%s}""".formatted(json(
					"The foreign ministry accepted the credentials of an envoy sent by the authorities in the capital,"
							+ " after talks on rail links and water sharing. " + footer
							+ " First published by a partner outlet.")))
				.body());

		assertThat(copy.get("duplicateOf").asString()).isEqualTo(original.get("id").asString());
	}

	@Test
	void shouldNameTheOriginalOfAStoryCarriedByManyOutletsLongAfterItRan() throws Exception {
		String story = """
				The foreign ministry confirmed that an envoy from the authorities in the capital presented his papers
				on Monday, the first such ceremony in three years, and that a trade delegation would follow before
				the end of the month to discuss rail freight and the price of electricity.""";
		JsonNode original = stored("https://origin.example.org/envoy", story);
		// The story from a hundred outlets, then more other stories than the lookup's
		// window of recent articles, then the story from one outlet more.
		for (int outlet = 1; outlet <= 100; outlet++) {
			JsonNode copy = stored("https://outlet-" + outlet + ".example.net/envoy", "From our partners. " + story);
			assertThat(copy.get("duplicateOf").asString()).isEqualTo(original.get("id").asString());
		}
		Random random = new Random(7);
		List<String> words = List.of("grain", "visas", "trucks", "border", "wheat", "rail", "cotton", "fuel", "water",
				"bridge", "power", "clinics", "schools", "roads", "mines", "loans", "flights", "cargo", "tariffs",
				"permits", "courts", "wells", "dams", "seeds", "textiles", "banks", "ports", "salaries", "markets");
		for (int item = 1; item <= ArticleStore.RECENT_CANDIDATES + 50; item++) {
			List<String> agenda = new ArrayList<>(words);
			Collections.shuffle(agenda, random);
			stored("https://other.example.org/" + item, "Item " + item + ": " + String.join(" ", agenda));
		}
		JsonNode late = stored("https://late.example.net/envoy", "From a regional desk. " + story);
		assertThat(late.get("duplicateOf").asString()).isEqualTo(original.get("id").asString());

		// A fresh copy with a paragraph of its own, then a copy of that copy which keeps
		// the paragraph and too little of the story to resemble the original by itself.
		String paragraph = """
				Analysts at a university in the region said the ceremony was watched closely by neighbouring
				governments, several of which have sent lower ranking diplomats in recent months.""";
		JsonNode extended = stored("https://later.example.net/envoy", story + " " + paragraph);
		String storyEnd = story.substring(story.indexOf("and that a trade delegation"));
		JsonNode drifted = stored("https://latest.example.net/envoy", paragraph + " " + storyEnd);

		assertThat(extended.get("duplicateOf").asString()).isEqualTo(original.get("id").asString());
		assertThat(drifted.get("duplicateOf").asString()).as("a copy of a recent copy")
			.isEqualTo(original.get("id").asString());
	}

	@Test
	void shouldCallATeaserACopyOnlyWhenItsWordsAreTheSame() throws Exception {
		String teaser = "Flights between the two capitals resume next week, the airline said.";
		JsonNode first = EventJson.mapper()
			.readTree(post("""
					{"url":"https://air.example.org/flights","title":"Flights resume","text":"%s"}""".formatted(teaser))
				.body());
		JsonNode same = EventJson.mapper()
			.readTree(post("""
					{"url":"https://wire.example.net/flights","title":"Flights to resume","text":"%s"}"""
				.formatted(teaser)).body());
		JsonNode reworded = EventJson.mapper()
			.readTree(post("""
					{"url":"https://other.example.com/flights","title":"Flights resume","text":"%s"}"""
				.formatted("Flights between the two capitals resume next month, the airline said.")).body());

		assertThat(same.get("duplicateOf").asString()).isEqualTo(first.get("id").asString());
		assertThat(reworded.get("duplicateOf").isNull()).as("too short to call a near copy").isTrue();
	}

	@Test
	void shouldSayWhatIsWrongWithAPostedArticle() throws Exception {
		HttpResponse<String> response = post("{\"url\":\"not a url\",\"text\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("url").contains("text");
	}

	@Test
	void shouldImportHeaderFilesPlainFilesAndPagesAndNameTheFilesThatFail(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("a-with-header.txt"), """
				url: https://desk.example.org/imported-one
				title: Imported one
				published: 2025-10-02
				---
				A council of elders met in the provincial capital to discuss the reopening of schools.""");
		Files.writeString(folder.resolve("b-plain.txt"), "A plain file with no header is all body text about a dam.");
		Files.writeString(folder.resolve("c-page.html"), """
				<html><head><title>Saved page</title></head><body><nav>Menu</nav>
				<article><p>A saved page about a new road between two districts.</p></article></body></html>""");
		Files.writeString(folder.resolve("d-broken.txt"), "url: https://desk.example.org/x\ntitle: never closed\n");
		Files.write(folder.resolve("e-latin1.txt"), "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));

		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		ArticleImport.Result result = this.articleImport.importPaths(List.of(folder),
				new PrintStream(progress, true, StandardCharsets.UTF_8));
		assertThat(result.added()).as(() -> progress.toString(StandardCharsets.UTF_8)).isEqualTo(3);
		assertThat(result.failed()).extracting((path) -> path.getFileName().toString())
			.containsExactlyInAnyOrder("d-broken.txt", "e-latin1.txt");
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("FAILED " + folder.resolve("d-broken.txt"))
			.contains("imported 5/5 files: 3 new, 0 already known, 2 failed");

		ArticleImport.Result again = this.articleImport.importPaths(List.of(folder),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(again.known()).isEqualTo(3);
	}

	private JsonNode stored(String url, String text) throws Exception {
		HttpResponse<String> posted = post("""
				{"url":"%s","title":"Report from %s","text":%s}""".formatted(url, url, json(text)));
		assertThat(posted.statusCode()).isEqualTo(201);
		return EventJson.mapper().readTree(posted.body());
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/articles"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String json(String text) {
		return EventJson.writeString(text);
	}

}
