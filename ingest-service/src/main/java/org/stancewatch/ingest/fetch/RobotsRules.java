package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt for article pages (feeds are meant to be polled; pages are not always meant
 * to be crawled). Rules are fetched with the same {@link FeedFetcher} (limits and guard),
 * parsed by crawler-commons, and kept per origin. Following RFC 9309: a robots.txt that
 * does not exist (4xx) allows everything; one that cannot be read (5xx, 429, timeout,
 * refused) disallows everything until the next try.
 */
public final class RobotsRules {

	private static final Duration RETRY_UNREADABLE = Duration.ofMinutes(10);

	private final FeedFetcher fetcher;

	private final String robotName;

	private final Duration cacheFor;

	private final Clock clock;

	private final ConcurrentMap<String, Cached> byOrigin = new ConcurrentHashMap<>();

	/**
	 * @param fetcher fetches robots.txt
	 * @param robotName the product token matched against User-agent lines, e.g.
	 * {@code stancewatch}
	 * @param cacheFor how long a robots.txt is trusted (RFC 9309 suggests at most 24 h)
	 */
	public RobotsRules(FeedFetcher fetcher, String robotName, Duration cacheFor) {
		this(fetcher, robotName, cacheFor, Clock.systemUTC());
	}

	RobotsRules(FeedFetcher fetcher, String robotName, Duration cacheFor, Clock clock) {
		this.fetcher = fetcher;
		this.robotName = robotName.toLowerCase(Locale.ROOT);
		this.cacheFor = cacheFor;
		this.clock = clock;
	}

	/** Whether the site's robots.txt lets stancewatch fetch this page. */
	public boolean isAllowed(URI page) {
		String origin = originOf(page);
		Instant now = this.clock.instant();
		Cached cached = this.byOrigin.get(origin);
		if (cached == null || now.isAfter(cached.expiresAt())) {
			cached = load(origin, now);
			this.byOrigin.put(origin, cached);
		}
		return cached.rules().isAllowed(page.toString());
	}

	private Cached load(String origin, Instant now) {
		URI robots = URI.create(origin + "/robots.txt");
		FetchResult result = this.fetcher.fetch(robots, null, null);
		if (result instanceof FetchResult.Ok ok) {
			BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(ok.finalUrl().toString(), ok.body(),
					ok.contentType(), this.robotName);
			return new Cached(rules, now.plus(this.cacheFor));
		}
		boolean missing = result instanceof FetchResult.Gone
				|| (result instanceof FetchResult.Failed failed && failed.status() >= 400 && failed.status() < 500);
		if (missing) {
			return new Cached(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(this.cacheFor));
		}
		return new Cached(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now.plus(RETRY_UNREADABLE));
	}

	private static String originOf(URI page) {
		String scheme = (page.getScheme() != null) ? page.getScheme().toLowerCase(Locale.ROOT) : "http";
		String host = (page.getHost() != null) ? page.getHost().toLowerCase(Locale.ROOT) : "";
		return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host)
				+ ((page.getPort() != -1) ? ":" + page.getPort() : "");
	}

	private record Cached(BaseRobotRules rules, Instant expiresAt) {
	}

}
