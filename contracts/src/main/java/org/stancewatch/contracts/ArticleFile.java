package org.stancewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An article stored as a text file: optional header lines {@code url:}, {@code title:},
 * {@code published:} and {@code source:}, then a line {@code ---}, then the body. A file
 * without a header is all body. The format of the evaluation corpus, read by the
 * extract-service CLI and imported by ingest-service.
 *
 * @param url the {@code url:} header, or {@code null}
 * @param title the {@code title:} header, or {@code null}
 * @param published the {@code published:} header as written, or {@code null}
 * @param source the {@code source:} header, or {@code null}
 * @param body everything after the {@code ---} line (or the whole file)
 */
public record ArticleFile(@Nullable String url, @Nullable String title, @Nullable String published,
		@Nullable String source, String body) {

	private static final String SEPARATOR = "---";

	/**
	 * Reads the header format.
	 * @throws IllegalArgumentException when the file opens with header lines that are not
	 * closed by a {@code ---} line, or repeat or misname a header
	 */
	public static ArticleFile parse(String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		String[] lines = text.split("\r?\n", -1);
		if (lines.length == 0 || headerKey(lines[0]) == null) {
			return new ArticleFile(null, null, null, null, text);
		}
		String url = null;
		String title = null;
		String published = null;
		String source = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.strip().equals(SEPARATOR)) {
				String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
				return new ArticleFile(url, title, published, source, body);
			}
			if (line.isBlank()) {
				continue;
			}
			String key = headerKey(line);
			if (key == null) {
				throw new IllegalArgumentException("Line " + (i + 1) + " of the header is not 'url:', 'title:', "
						+ "'published:' or 'source:' and no '---' line came before it: '" + abbreviate(line) + "'");
			}
			String value = line.substring(line.indexOf(':') + 1).strip();
			String empty = value.isEmpty() ? null : value;
			switch (key) {
				case "url" -> url = once(url, empty, key, i);
				case "title" -> title = once(title, empty, key, i);
				case "published" -> published = once(published, empty, key, i);
				default -> source = once(source, empty, key, i);
			}
		}
		throw new IllegalArgumentException("The header is not closed by a '---' line");
	}

	/**
	 * The {@code published:} header as an instant: an ISO date ({@code 2025-07-04}, read
	 * as midnight UTC), an ISO date-time with offset, or an instant.
	 * @return {@code null} when there is no such header
	 * @throws IllegalArgumentException when the header is not such a date
	 */
	public @Nullable Instant publishedAt() {
		if (this.published == null) {
			return null;
		}
		try {
			if (this.published.length() == 10) {
				return LocalDate.parse(this.published).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(this.published).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("published: '" + this.published
					+ "' is not an ISO date (2025-07-04) or date-time (2025-07-04T09:14:00Z)", ex);
		}
	}

	private static @Nullable String headerKey(String line) {
		int colon = line.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
		return switch (key) {
			case "url", "title", "published", "source" -> key;
			default -> null;
		};
	}

	private static @Nullable String once(@Nullable String current, @Nullable String value, String key, int line) {
		if (current != null) {
			throw new IllegalArgumentException("Header '" + key + ":' appears twice (line " + (line + 1) + ")");
		}
		return value;
	}

	private static String abbreviate(String line) {
		return (line.length() > 60) ? line.substring(0, 60) + "..." : line;
	}

}
