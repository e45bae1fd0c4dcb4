package org.stancewatch.ingest.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stancewatch.ingest.poll.enabled=false")
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
class FeedApiIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void shouldCreateReadUpdateAndDeleteAFeed() throws Exception {
		HttpResponse<String> created = send("POST", "/api/feeds", "application/json",
				"{\"url\":\"https://news.example.org/afghanistan.rss\",\"title\":\"Example news\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode feed = json(created);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/api/feeds/" + feed.get("id").asLong());
		assertThat(feed.get("pollInterval").asString()).isEqualTo("PT5M");
		assertThat(feed.get("enabled").asBoolean()).isTrue();
		assertThat(feed.at("/health/consecutiveFailures").asInt()).isZero();
		assertThat(feed.at("/health/nextPollAt").isMissingNode()).isFalse();

		String path = "/api/feeds/" + feed.get("id").asLong();
		JsonNode updated = json(send("PUT", path, "application/json",
				"{\"url\":\"https://news.example.org/afghanistan.rss\",\"pollInterval\":\"PT15M\",\"enabled\":false}"));
		assertThat(updated.get("pollInterval").asString()).isEqualTo("PT15M");
		assertThat(updated.get("enabled").asBoolean()).isFalse();
		assertThat(updated.get("title").asString()).isEqualTo("Example news");

		assertThat(json(send("GET", "/api/feeds", null, null)).valueStream().map((f) -> f.get("url").asString()))
			.contains("https://news.example.org/afghanistan.rss");
		assertThat(send("DELETE", path, null, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", path, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldExplainInvalidRequestsAsProblemDetails() throws Exception {
		HttpResponse<String> badUrl = send("POST", "/api/feeds", "application/json",
				"{\"url\":\"ftp://example.org/x\"}");
		assertThat(badUrl.statusCode()).isEqualTo(400);
		assertThat(badUrl.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(badUrl.body()).contains("http or https URL");

		HttpResponse<String> tooOften = send("POST", "/api/feeds", "application/json",
				"{\"url\":\"https://example.org/often.rss\",\"pollInterval\":\"PT10S\"}");
		assertThat(tooOften.statusCode()).isEqualTo(400);
		assertThat(json(tooOften).get("detail").asString()).contains("at least PT1M");

		HttpResponse<String> notJson = send("POST", "/api/feeds", "application/json", "{url:");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		send("POST", "/api/feeds", "application/json", "{\"url\":\"https://example.org/twice.rss\"}");
		HttpResponse<String> twice = send("POST", "/api/feeds", "application/json",
				"{\"url\":\"https://example.org/twice.rss\"}");
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(json(twice).get("title").asString()).isEqualTo("Feed already registered");

		HttpResponse<String> missing = send("GET", "/api/feeds/987654", null, null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void shouldImportAndExportOpml() throws Exception {
		String opml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<opml version="2.0"><head><title>Regional desks</title></head><body>
				  <outline text="South Asia">
				    <outline type="rss" text="Desk one" xmlUrl="https://one.example.net/feed.xml"/>
				    <outline type="rss" title="Desk two" text="ignored" xmlUrl="https://two.example.net/atom"/>
				  </outline>
				</body></opml>""";
		JsonNode imported = json(send("POST", "/api/feeds/opml", "text/x-opml", opml));
		assertThat(imported.get("found").asInt()).isEqualTo(2);
		assertThat(imported.get("added").asInt()).isEqualTo(2);
		JsonNode again = json(send("POST", "/api/feeds/opml", "text/x-opml", opml));
		assertThat(again.get("alreadyRegistered").asInt()).isEqualTo(2);

		HttpResponse<String> exported = send("GET", "/api/feeds/opml", null, null);
		assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-opml");
		assertThat(exported.body()).contains("xmlUrl=\"https://one.example.net/feed.xml\"")
			.contains("title=\"Desk two\"");
	}

	/** The README's one command for a default install, with the file we ship. */
	@Test
	void shouldImportEveryFeedOfTheShippedDefaultList() throws Exception {
		String shipped = Files.readString(Path.of("../deploy/feeds/default-feeds.opml"));
		long feedsInFile = shipped.lines().filter((line) -> line.contains("xmlUrl=")).count();
		assertThat(feedsInFile).as("feeds in deploy/feeds/default-feeds.opml").isGreaterThanOrEqualTo(40);

		HttpResponse<String> response = send("POST", "/api/feeds/opml", "text/x-opml", shipped);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode imported = json(response);
		assertThat(imported.get("found").asLong()).isEqualTo(feedsInFile);
		assertThat(imported.get("added").asLong()).as("none is a duplicate of another").isEqualTo(feedsInFile);
		List<JsonNode> registered = json(send("GET", "/api/feeds", null, null)).valueStream().toList();
		assertThat(registered).filteredOn((feed) -> feed.get("url").asString().equals("https://www.khaama.com/feed/"))
			.singleElement()
			.satisfies((feed) -> {
				assertThat(feed.get("title").asString()).isEqualTo("Khaama Press");
				assertThat(feed.get("enabled").asBoolean()).isTrue();
				assertThat(feed.get("pollInterval").asString()).isEqualTo("PT5M");
			});
		assertThat(registered).map((feed) -> feed.get("url").asString())
			.contains("https://tolonews.com/rss.xml", "https://feeds.bbci.co.uk/news/world/asia/rss.xml")
			.noneMatch((url) -> url.contains("reuters.com") || url.contains("apnews.com"));
	}

	@Test
	void shouldRefuseOpmlWithADoctype() throws Exception {
		String hostile = """
				<?xml version="1.0"?>
				<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<opml version="2.0"><body><outline text="&x;" xmlUrl="https://x.example/feed"/></body></opml>""";
		HttpResponse<String> response = send("POST", "/api/feeds/opml", "text/x-opml", hostile);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("title").asString()).isEqualTo("Invalid OPML");
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return EventJson.mapper().readTree(response.body());
	}

}
