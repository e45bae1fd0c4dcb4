package org.stancewatch.ingest.article;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.ingest.fetch.FeedFetcher;
import org.stancewatch.ingest.fetch.FetchResult;
import org.stancewatch.ingest.fetch.HostLimiter;

import org.springframework.stereotype.Component;

/**
 * Fetches an article's page when its feed carries only a summary, with the same limits,
 * address guard and per-host politeness as feeds, honouring the site's robots.txt, and
 * returns the page's main text. Any failure gives {@code null}: the feed's text is used
 * instead.
 */
@Component
public class ArticlePages {

	static final String ROBOT_NAME = "stancewatch";

	private static final Duration ROBOTS_TTL = Duration.ofHours(24);

	private static final Duration ROBOTS_FAILURE_TTL = Duration.ofHours(1);

	private final FeedFetcher fetcher;

	private final HostLimiter hosts;

	private final Clock clock;

	private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

	private final Map<String, Robots> robots = new ConcurrentHashMap<>();

	ArticlePages(FeedFetcher fetcher, HostLimiter hosts, Clock clock) {
		this.fetcher = fetcher;
		this.hosts = hosts;
		this.clock = clock;
	}

	/** The main text of the page, or {@code null} when it may not or cannot be read. */
	public @Nullable String mainText(URI page) {
		if (!allowedByRobots(page)) {
			return null;
		}
		FetchResult result = fetch(page);
		if (result instanceof FetchResult.Ok ok && isHtml(ok)) {
			Charset charset = (ok.charset() != null) ? ok.charset() : StandardCharsets.UTF_8;
			String text = mainText(Jsoup.parse(new String(ok.body(), charset), ok.finalUrl().toString()));
			return text.isBlank() ? null : text;
		}
		return null;
	}

	/**
	 * The article's text without navigation, header, footer and asides: the
	 * {@code article} element when the page has one, else {@code main}, else the body.
	 */
	static String mainText(Document page) {
		page.select("script, style, noscript, nav, header, footer, aside, form, iframe, figure figcaption").remove();
		for (String selector : List.of("[itemprop=articleBody]", "article", "main", "[role=main]")) {
			Element found = page.selectFirst(selector);
			if (found != null && !found.text().isBlank()) {
				return HtmlText.toPlainText(found);
			}
		}
		return HtmlText.toPlainText(page.body());
	}

	private boolean allowedByRobots(URI page) {
		String origin = page.getScheme() + "://" + page.getRawAuthority();
		Instant now = this.clock.instant();
		Robots known = this.robots.get(origin);
		if (known == null || known.expires().isBefore(now)) {
			known = readRobots(origin, now);
			this.robots.put(origin, known);
		}
		return known.rules().isAllowed(page.toString());
	}

	private Robots readRobots(String origin, Instant now) {
		URI robotsUrl = URI.create(origin + "/robots.txt");
		FetchResult result = fetch(robotsUrl);
		if (result instanceof FetchResult.Ok ok) {
			return new Robots(
					this.robotsParser.parseContent(robotsUrl.toString(), ok.body(),
							(ok.contentType() != null) ? ok.contentType() : "text/plain", List.of(ROBOT_NAME)),
					now.plus(ROBOTS_TTL));
		}
		if (result instanceof FetchResult.Gone || (result instanceof FetchResult.Failed failed
				&& failed.kind() == FetchResult.FailureKind.HTTP_STATUS)) {
			// No robots.txt (4xx): everything is allowed (RFC 9309, 2.3.1.3).
			return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(ROBOTS_TTL));
		}
		// Unreachable robots.txt: assume nothing is allowed for now (RFC 9309, 2.3.1.4).
		return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
				now.plus(ROBOTS_FAILURE_TTL));
	}

	private FetchResult fetch(URI url) {
		try {
			return this.hosts.callExclusively(url, () -> this.fetcher.fetch(url, null, null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new FetchResult.Failed(FetchResult.FailureKind.IO, "interrupted", url);
		}
	}

	private static boolean isHtml(FetchResult.Ok ok) {
		String type = ok.mimeType();
		return type == null || type.contains("html");
	}

	private record Robots(BaseRobotRules rules, Instant expires) {
	}

}
