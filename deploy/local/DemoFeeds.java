import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local demo's news sites: serves the story in deploy/local/demo-story as one RSS 2.0
 * feed per site (the host of each article's url), on loopback.
 *
 * <p>
 * The story is written with fixed dates. So that its last article is always recent news
 * (and the first ones months old), every date is moved forward by whole weeks until the
 * last article falls within the past seven days; whole weeks keep "on Tuesday" a Tuesday.
 *
 * <p>
 * The story unfolds as it would have: the feeds show its first month at start, and one more
 * month every SECONDS_PER_MONTH (default 30; 0 shows everything at once). A state's acts
 * then reach stancewatch in the order they happened, and each shift alerts on its own.
 *
 * <pre>
 *   java deploy/local/DemoFeeds.java PORT STORY_DIR [SECONDS_PER_MONTH]
 *   curl http://127.0.0.1:PORT/                        # the feeds, one URL a line
 *   curl http://127.0.0.1:PORT/steppe-wire.example.rss
 * </pre>
 */
public class DemoFeeds {

	record Story(String url, String title, Instant published, String site, String body) {

		Story movedBy(long days) {
			return new Story(url, title, published.plus(days, ChronoUnit.DAYS), site, body);
		}

	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: java DemoFeeds.java PORT STORY_DIR [SECONDS_PER_MONTH]");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		long secondsPerMonth = (args.length == 3) ? Long.parseLong(args[2]) : 30;
		List<Story> stories = movedToThisWeek(read(Path.of(args[1])), Clock.systemUTC());
		Map<String, List<Story>> bySite = stories.stream()
			.collect(Collectors.groupingBy(Story::site, TreeMap::new, Collectors.toList()));
		Map<Story, Long> releaseSeconds = releaseSchedule(stories, secondsPerMonth);
		Instant started = Instant.now();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String base = "http://127.0.0.1:" + port + "/";
			if (path.equals("/")) {
				String index = bySite.keySet().stream().map((site) -> base + site + ".rss\n").collect(Collectors.joining());
				send(exchange, 200, "text/plain; charset=utf-8", index);
				return;
			}
			String site = path.substring(1).replaceFirst("\\.rss$", "");
			List<Story> feed = bySite.get(site);
			if (feed == null || !path.endsWith(".rss")) {
				send(exchange, 404, "text/plain; charset=utf-8", "No feed at " + path + "; try " + base + "\n");
				return;
			}
			long elapsed = Duration.between(started, Instant.now()).toSeconds();
			List<Story> released = feed.stream().filter((story) -> releaseSeconds.get(story) <= elapsed).toList();
			send(exchange, 200, "application/rss+xml; charset=utf-8", rss(site, base + site + ".rss", released));
		});
		server.start();
		System.out.printf("Demo feeds on http://127.0.0.1:%d/: %d articles, dated to end this week, one more month"
				+ " of the story every %d s:%n", port, stories.size(), secondsPerMonth);
		bySite.forEach((site, feed) -> System.out.printf("  http://127.0.0.1:%d/%s.rss  %d articles%n", port, site,
				feed.size()));
	}

	/**
	 * Seconds after start at which each article appears: its month's turn. A syndicated copy
	 * (same first paragraph as an earlier article) comes a poll and a half after its
	 * original, as it would hours later in real life: the poller (one poll a minute per feed)
	 * then reads the original first, and the copy is linked to it, not the other way round.
	 */
	static Map<Story, Long> releaseSchedule(List<Story> stories, long secondsPerMonth) {
		YearMonth first = YearMonth.from(stories.stream()
			.map(Story::published)
			.min(Comparator.naturalOrder())
			.orElseThrow()
			.atOffset(ZoneOffset.UTC));
		Map<Story, Long> release = new java.util.HashMap<>();
		Map<String, Long> originals = new java.util.HashMap<>();
		for (Story story : stories.stream().sorted(Comparator.comparing(Story::published)).toList()) {
			long month = first.until(YearMonth.from(story.published().atOffset(ZoneOffset.UTC)), ChronoUnit.MONTHS);
			long at = month * secondsPerMonth;
			String lead = story.body().split("\r?\n\\s*\r?\n")[0].replaceAll("\\s+", " ").strip();
			Long original = originals.putIfAbsent(lead, at);
			if (original != null && secondsPerMonth > 0) {
				at = Math.max(at, original + 90);
			}
			release.put(story, at);
		}
		return release;
	}

	static List<Story> read(Path dir) throws IOException {
		List<Story> stories = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				stories.add(parse(file, Files.readString(file)));
			}
		}
		if (stories.isEmpty()) {
			throw new IllegalArgumentException("No .txt articles in " + dir);
		}
		return stories;
	}

	/** The header format of the import and extract tools: url, title, published, source. */
	static Story parse(Path file, String content) {
		Map<String, String> header = new TreeMap<>();
		String[] parts = content.split("\r?\n---\r?\n", 2);
		if (parts.length != 2) {
			throw new IllegalArgumentException(file + ": no '---' line after the header");
		}
		for (String line : parts[0].split("\r?\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
		}
		for (String key : List.of("url", "title", "published")) {
			if (!header.containsKey(key)) {
				throw new IllegalArgumentException(file + ": the header has no '" + key + ":' line");
			}
		}
		String url = header.get("url");
		String site = header.getOrDefault("source", URI.create(url).getHost());
		return new Story(url, header.get("title"), OffsetDateTime.parse(header.get("published")).toInstant(), site,
				parts[1].strip());
	}

	static List<Story> movedToThisWeek(List<Story> stories, Clock clock) {
		Instant last = stories.stream().map(Story::published).max(Comparator.naturalOrder()).orElseThrow();
		long behind = ChronoUnit.DAYS.between(LocalDate.ofInstant(last, ZoneOffset.UTC), LocalDate.now(clock));
		long days = Math.max(0, behind / 7) * 7;
		return stories.stream().map((story) -> story.movedBy(days)).toList();
	}

	static String rss(String site, String self, List<Story> stories) {
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
		xml.append("<title>").append(escape(site)).append(" (stancewatch demo)</title>\n");
		xml.append("<link>").append(escape(self)).append("</link>\n");
		xml.append("<description>An invented news story for the stancewatch demo.</description>\n");
		xml.append("<language>en</language>\n");
		for (Story story : stories.stream().sorted(Comparator.comparing(Story::published).reversed()).toList()) {
			String html = Stream.of(story.body().split("\r?\n\\s*\r?\n"))
				.map((paragraph) -> "<p>" + escape(paragraph.strip().replaceAll("\\s+", " ")) + "</p>")
				.collect(Collectors.joining());
			xml.append("<item>\n");
			xml.append("  <title>").append(escape(story.title())).append("</title>\n");
			xml.append("  <link>").append(escape(story.url())).append("</link>\n");
			xml.append("  <guid isPermaLink=\"true\">").append(escape(story.url())).append("</guid>\n");
			xml.append("  <pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(story.published().atOffset(ZoneOffset.UTC)))
				.append("</pubDate>\n");
			xml.append("  <description>").append(escape(html)).append("</description>\n");
			xml.append("</item>\n");
		}
		return xml.append("</channel>\n</rss>\n").toString();
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		System.out.printf("%s %s %s -> %d%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
				exchange.getRequestMethod(), exchange.getRequestURI(), status);
	}

}
