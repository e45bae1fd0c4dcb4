package org.stancewatch.ingest.article;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.impl.RSS20Parser;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * ROME's RSS 2.0 parser, except that an item's {@code pubDate} in the RFC 1123 form that
 * RSS 2.0 asks for is read with {@code java.time}. ROME tries 19 W3C masks before the RFC
 * 822 ones and builds a {@code SimpleDateFormat} for each, which made dates the largest
 * part of ingest's CPU per article. Any other form (a named time zone, a two-digit year,
 * a wrong weekday) is left to ROME, which reads it as before.
 * <p>
 * {@code rome.properties} registers it under ROME's own type, {@code rss_2.0}, which
 * replaces the stock parser.
 */
public class Rss20Parser extends RSS20Parser {

	/**
	 * RFC 1123's shape, four-digit year included: {@code java.time} would read "25" as
	 * the year 25 where ROME reads 2025.
	 */
	private static final Pattern RFC_1123 = Pattern
		.compile("(?:[A-Za-z]{3}, )?\\d{1,2} [A-Za-z]{3} \\d{4} \\d{2}:\\d{2}(?::\\d{2})? (?:GMT|[+-]\\d{4})");

	@Override
	public Item parseItem(Element rssRoot, Element eItem, Locale locale) {
		Element pubDate = eItem.getChild("pubDate", getRSSNamespace());
		Date published = (pubDate != null) ? rfc1123(pubDate.getTextTrim()) : null;
		if (pubDate == null || published == null) {
			return super.parseItem(rssRoot, eItem, locale);
		}
		int index = eItem.indexOf(pubDate);
		eItem.removeContent(index);
		try {
			Item item = super.parseItem(rssRoot, eItem, locale);
			item.setPubDate(published);
			return item;
		}
		finally {
			eItem.addContent(index, pubDate);
		}
	}

	static @Nullable Date rfc1123(String text) {
		if (!RFC_1123.matcher(text).matches()) {
			return null;
		}
		try {
			return Date.from(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
