package org.stancewatch.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTests {

	private final LocalHttpServer server = new LocalHttpServer();

	private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));

	private final RobotsRules robots = new RobotsRules(this.fetcher, "stancewatch", Duration.ofHours(24));

	@AfterEach
	void close() throws IOException {
		this.fetcher.close();
		this.server.close();
	}

	@Test
	void shouldFollowTheGroupForStancewatchAndReadRobotsTxtOncePerSite() {
		serveRobots(200, """
				User-agent: *
				Disallow: /

				User-agent: stancewatch
				Disallow: /members/
				Allow: /
				""");

		assertThat(this.robots.isAllowed(this.server.uri("/world/delisting"))).isTrue();
		assertThat(this.robots.isAllowed(this.server.uri("/members/briefing"))).isFalse();
		assertThat(this.server.hits()).isEqualTo(1);
	}

	@Test
	void shouldHonourADisallowForEveryone() {
		serveRobots(200, "User-agent: *\nDisallow: /\n");

		assertThat(this.robots.isAllowed(this.server.uri("/world/delisting"))).isFalse();
	}

	@Test
	void shouldAllowEverythingWhenThereIsNoRobotsTxt() {
		assertThat(this.robots.isAllowed(this.server.uri("/world/delisting"))).isTrue();
	}

	@Test
	void shouldAllowNothingWhileRobotsTxtCannotBeRead() {
		serveRobots(500, "oops");

		assertThat(this.robots.isAllowed(this.server.uri("/world/delisting"))).isFalse();
	}

	@Test
	void shouldAllowNothingOnAHostTheGuardRefuses() throws IOException {
		try (FeedFetcher guarded = new FeedFetcher(FetchSettings.defaults())) {
			RobotsRules rules = new RobotsRules(guarded, "stancewatch", Duration.ofHours(1));

			assertThat(rules.isAllowed(URI.create("http://169.254.169.254/latest/meta-data/"))).isFalse();
		}
	}

	private void serveRobots(int status, String body) {
		this.server.on("/robots.txt", (exchange) -> LocalHttpServer.respond(exchange, status, "text/plain",
				body.getBytes(StandardCharsets.UTF_8)));
	}

}
