package org.stancewatch.extract.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.DatePrecision;

/**
 * Finds date expressions in a sentence and resolves them: absolute dates, month and year,
 * a year, and expressions relative to the article's date ("on Thursday", "last week", "in
 * April", "last October", "earlier this month", "two months ago", "in July that year").
 */
final class DateCues {

	private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";

	private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

	private static final String YEAR = "((?:19|20)\\d{2})";

	private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

	private static final String NUMBER = "(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})";

	// The kinds of words date expressions are built on: a rule runs only on a sentence
	// that holds every kind it needs, and only around those words. Most sentences hold no
	// date, and the expressions are costly to try at every position.
	private static final int DIGIT = 1;

	private static final int YEAR_NUMBER = 1 << 1;

	private static final int MONTH_NAME = 1 << 2;

	private static final int WEEKDAY_NAME = 1 << 3;

	private static final int NEWS_DAY = 1 << 4;

	private static final int PERIOD = 1 << 5;

	private static final int KINDS = 6;

	/**
	 * How far (characters) an expression reaches before or after one of its words: "the
	 * beginning of March", "September of the previous year".
	 */
	private static final int REACH = 48;

	private static final Set<String> MONTH_WORDS = Set.of("January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
			"Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

	private static final Set<String> WEEKDAY_WORDS = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
			"Saturday", "Sunday");

	private static final Set<String> NEWS_DAY_WORDS = Set.of("yesterday", "today", "tonight", "morning");

	private static final Set<String> PERIOD_WORDS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
			"years");

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

	private final List<Rule> rules = List.of(
			new Rule(YEAR_NUMBER, "\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b",
					(m) -> (c) -> day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(3)), true)),
			new Rule(
					YEAR_NUMBER | MONTH_NAME, "\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b",
					(m) -> (c) -> day(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)),
							true)),
			new Rule(YEAR_NUMBER | MONTH_NAME, "\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b",
					(m) -> (c) -> day(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)),
							true)),
			new Rule(YEAR_NUMBER | MONTH_NAME, "\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b",
					(m) -> (c) -> monthCue(Integer.parseInt(m.group(2)), month(m.group(1)), true)),
			new Rule(MONTH_NAME | PERIOD, "\\b" + MONTH
					+ "\\s+(?:of\\s+)?(last year|this year|that year|that same year|the same year|the previous year|the following year|next year)\\b",
					(m) -> (c) -> monthOfRelativeYear(c, month(m.group(1)), m.group(2).toLowerCase(Locale.ROOT))),
			new Rule(DIGIT | MONTH_NAME,
					"(?i:\\b(last|this|next|in|on|since|by|from|until|during|early|late|mid-?)\\s+)?\\b" + MONTH
							+ "\\s+" + DAY + "\\b(?!,?\\s*\\d)",
					(m) -> (c) -> dayWithoutYear(c, month(m.group(2)), Integer.parseInt(m.group(3)))),
			new Rule(DIGIT | MONTH_NAME, "\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b(?!,?\\s*\\d)",
					(m) -> (c) -> dayWithoutYear(c, month(m.group(2)), Integer.parseInt(m.group(1)))),
			new Rule(MONTH_NAME,
					"(?i:\\b(last|this|next|in|since|by|from|until|during|early|late|mid-?|of|the end of|the start of|the beginning of|the middle of)\\s+)\\b"
							+ MONTH + "\\b",
					(m) -> (c) -> monthWithoutYear(c, month(m.group(2)), m.group(1).toLowerCase(Locale.ROOT))),
			new Rule(PERIOD, "(?i)\\b(?:in |during |by )?(?:that same year|the same year|that year)\\b",
					(m) -> (c) -> (c.contextYear != null) ? yearCue(c.contextYear, false) : null),
			new Rule(YEAR_NUMBER,
					"(?i:\\b(?:in|since|by|from|until|during|of|early|late|mid-?|before|after|throughout)\\s+)(?:(?i:early|late|mid-?)\\s*)?"
							+ YEAR + "\\b",
					(m) -> (c) -> yearCue(Integer.parseInt(m.group(1)), true)),
			new Rule(WEEKDAY_NAME, "(?i:\\b(last|this|next|on|on the)\\s+)?\\b" + WEEKDAY + "\\b",
					(m) -> (c) -> weekday(c, m.group(2),
							(m.group(1) != null) ? m.group(1).toLowerCase(Locale.ROOT) : "")),
			new Rule(
					NEWS_DAY, "(?i)\\b(yesterday|today|tonight|this morning|earlier today)\\b", (
							m) -> (c) -> (c.reference == null) ? null
									: new Resolved(m.group(1).equalsIgnoreCase("yesterday") ? c.reference.minusDays(1)
											: c.reference, DatePrecision.DAY, false, true)),
			new Rule(PERIOD,
					"(?i)\\b(last|this|past|earlier this|previous|late last|early last|earlier last|next|coming)\\s+(week|month|year)\\b",
					(m) -> (c) -> relativePeriod(c, m.group(1).toLowerCase(Locale.ROOT),
							m.group(2).toLowerCase(Locale.ROOT))),
			new Rule(PERIOD, "(?i)\\b" + NUMBER + "\\s+(day|week|month|year)s?\\s+ago\\b",
					(m) -> (c) -> ago(c, m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT))),
			new Rule(PERIOD, "(?i)\\bin\\s+" + NUMBER + "\\s+(day|week|month|year)s?(?:'|\\s+time)?\\b",
					(m) -> (c) -> ahead(c, m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT))));

	/**
	 * The dates of a sentence, earliest rule first, none overlapping.
	 * @param reference the article's date, or {@code null} when unknown (relative
	 * expressions then resolve to nothing)
	 * @param contextYear the last year the article wrote out, for "that year"
	 * @param future whether the sentence speaks of an intended act ("in April" then looks
	 * ahead)
	 */
	List<DateCue> find(String text, int from, int to, @Nullable LocalDate reference, @Nullable Integer contextYear,
			boolean future) {
		Context context = new Context(reference, contextYear, future);
		List<DateCue> cues = new ArrayList<>();
		Features features = Features.of(text, from, to);
		if (features.present == 0) {
			return List.of();
		}
		boolean[] taken = new boolean[to - from];
		for (Rule rule : this.rules) {
			if ((rule.needs & features.present) != rule.needs) {
				continue;
			}
			int start = Math.max(from, features.start(rule.needs) - REACH);
			int end = Math.min(to, features.end(rule.needs) + REACH);
			if (start >= end) {
				continue;
			}
			// Transparent bounds: word boundaries and look-aheads see past the region.
			Matcher matcher = rule.pattern.matcher(text).region(start, end).useTransparentBounds(true);
			while (matcher.find()) {
				if (overlaps(taken, matcher.start() - from, matcher.end() - from)) {
					continue;
				}
				int at = matcher.start();
				// "in 2023, and ... the same year": a year written earlier in the
				// sentence counts first.
				Integer yearBefore = cues.stream()
					.filter((cue) -> cue.explicitYear() && cue.start() < at)
					.max(java.util.Comparator.comparingInt(DateCue::start))
					.map((cue) -> cue.date().getYear())
					.orElse(context.contextYear);
				Resolved resolved = rule.resolver.apply(matcher)
					.apply(new Context(context.reference, yearBefore, context.future));
				if (resolved == null) {
					continue;
				}
				for (int i = matcher.start() - from; i < matcher.end() - from; i++) {
					taken[i] = true;
				}
				cues.add(new DateCue(matcher.start(), matcher.end(), resolved.date, resolved.precision,
						resolved.explicitYear, resolved.newsDay));
			}
		}
		cues.sort(java.util.Comparator.comparingInt(DateCue::start));
		return cues;
	}

	/**
	 * Which kinds of date words a stretch of text holds, and where the first starts and
	 * the last ends of each.
	 */
	private static final class Features {

		int present;

		final int[] firstStart = new int[KINDS];

		final int[] lastEnd = new int[KINDS];

		static Features of(String text, int from, int to) {
			Features features = new Features();
			int word = -1;
			int digits = -1;
			for (int i = from; i <= to; i++) {
				char c = (i < to) ? text.charAt(i) : ' ';
				boolean digit = c >= '0' && c <= '9';
				if (digit && digits < 0) {
					digits = i;
				}
				else if (!digit && digits >= 0) {
					features.add(DIGIT, digits, i);
					if (i - digits == 4 && (text.startsWith("19", digits) || text.startsWith("20", digits))) {
						features.add(YEAR_NUMBER, digits, i);
					}
					digits = -1;
				}
				if (Character.isLetter(c)) {
					if (word < 0) {
						word = i;
					}
				}
				else if (word >= 0) {
					int kind = wordKind(text.substring(word, i));
					if (kind != 0) {
						features.add(kind, word, i);
					}
					word = -1;
				}
			}
			return features;
		}

		private void add(int kind, int start, int end) {
			int k = Integer.numberOfTrailingZeros(kind);
			if ((this.present & kind) == 0) {
				this.firstStart[k] = start;
			}
			this.lastEnd[k] = end;
			this.present |= kind;
		}

		/** No match of an expression needing these kinds starts before a word of each. */
		int start(int kinds) {
			int start = Integer.MIN_VALUE;
			for (int k = 0; k < KINDS; k++) {
				if ((kinds & (1 << k)) != 0) {
					start = Math.max(start, this.firstStart[k]);
				}
			}
			return start;
		}

		/** Nor ends after the last word of each. */
		int end(int kinds) {
			int end = Integer.MAX_VALUE;
			for (int k = 0; k < KINDS; k++) {
				if ((kinds & (1 << k)) != 0) {
					end = Math.min(end, this.lastEnd[k]);
				}
			}
			return end;
		}

		private static int wordKind(String word) {
			if (Character.isUpperCase(word.charAt(0))) {
				if (MONTH_WORDS.contains(word)) {
					return MONTH_NAME;
				}
				if (WEEKDAY_WORDS.contains(word)) {
					return WEEKDAY_NAME;
				}
			}
			if (word.length() < 3 || word.length() > 9) {
				return 0;
			}
			String lower = word.toLowerCase(Locale.ROOT);
			if (NEWS_DAY_WORDS.contains(lower)) {
				return NEWS_DAY;
			}
			return PERIOD_WORDS.contains(lower) ? PERIOD : 0;
		}

	}

	private static boolean overlaps(boolean[] taken, int start, int end) {
		for (int i = start; i < end; i++) {
			if (taken[i]) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Resolved day(int year, int month, int day, boolean explicitYear) {
		try {
			return new Resolved(LocalDate.of(year, month, day), DatePrecision.DAY, explicitYear, false);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static Resolved monthCue(int year, int month, boolean explicitYear) {
		return new Resolved(LocalDate.of(year, month, 1), DatePrecision.MONTH, explicitYear, false);
	}

	private static Resolved yearCue(int year, boolean explicitYear) {
		return new Resolved(LocalDate.of(year, 1, 1), DatePrecision.YEAR, explicitYear, false);
	}

	private static @Nullable Resolved monthOfRelativeYear(Context c, int month, String which) {
		Integer year = switch (which) {
			case "last year", "the previous year" -> (c.reference != null) ? c.reference.getYear() - 1 : null;
			case "this year" -> (c.reference != null) ? c.reference.getYear() : null;
			case "next year" -> (c.reference != null) ? c.reference.getYear() + 1 : null;
			case "the following year" -> (c.contextYear != null) ? c.contextYear + 1 : null;
			default -> (c.contextYear != null) ? c.contextYear : ((c.reference != null) ? c.reference.getYear() : null);
		};
		return (year != null) ? monthCue(year, month, false) : null;
	}

	private static @Nullable Resolved dayWithoutYear(Context c, int month, int day) {
		if (c.reference == null) {
			return null;
		}
		int year = c.reference.getYear();
		if (month > c.reference.getMonthValue() && !c.future) {
			year--;
		}
		return day(year, month, day, false);
	}

	private static @Nullable Resolved monthWithoutYear(Context c, int month, String modifier) {
		if (c.reference == null) {
			return null;
		}
		int year = c.reference.getYear();
		int current = c.reference.getMonthValue();
		if ("last".equals(modifier)) {
			year = (month >= current) ? year - 1 : year;
		}
		else if ("next".equals(modifier)) {
			year = (month <= current) ? year + 1 : year;
		}
		else if (month > current && !c.future) {
			year--;
		}
		return monthCue(year, month, false);
	}

	private static @Nullable Resolved weekday(Context c, String name, String modifier) {
		if (c.reference == null) {
			return null;
		}
		DayOfWeek day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
		LocalDate date = switch (modifier) {
			case "last" -> c.reference.with(TemporalAdjusters.previous(day));
			case "next" -> c.reference.with(TemporalAdjusters.next(day));
			default -> c.future ? c.reference.with(TemporalAdjusters.nextOrSame(day))
					: c.reference.with(TemporalAdjusters.previousOrSame(day));
		};
		return new Resolved(date, DatePrecision.DAY, false, true);
	}

	private static @Nullable Resolved relativePeriod(Context c, String which, String unit) {
		if (c.reference == null) {
			return null;
		}
		boolean previous = which.contains("last") || which.equals("past") || which.equals("previous");
		boolean next = which.equals("next") || which.equals("coming");
		LocalDate ref = c.reference;
		if (next) {
			return switch (unit) {
				case "week" -> monthCue(ref.plusWeeks(1).getYear(), ref.plusWeeks(1).getMonthValue(), false);
				case "month" -> monthCue(ref.plusMonths(1).getYear(), ref.plusMonths(1).getMonthValue(), false);
				default -> yearCue(ref.getYear() + 1, false);
			};
		}
		return switch (unit) {
			case "week" -> monthCue((previous ? ref.minusWeeks(1) : ref).getYear(),
					(previous ? ref.minusWeeks(1) : ref).getMonthValue(), false);
			case "month" -> monthCue((previous ? ref.minusMonths(1) : ref).getYear(),
					(previous ? ref.minusMonths(1) : ref).getMonthValue(), false);
			default -> yearCue(previous ? ref.getYear() - 1 : ref.getYear(), false);
		};
	}

	private static @Nullable Resolved ago(Context c, String count, String unit) {
		if (c.reference == null) {
			return null;
		}
		int n = NUMBERS.containsKey(count) ? NUMBERS.get(count) : Integer.parseInt(count);
		return switch (unit) {
			case "day" -> new Resolved(c.reference.minusDays(n), DatePrecision.DAY, false, false);
			case "week" ->
				monthCue(c.reference.minusWeeks(n).getYear(), c.reference.minusWeeks(n).getMonthValue(), false);
			case "month" ->
				monthCue(c.reference.minusMonths(n).getYear(), c.reference.minusMonths(n).getMonthValue(), false);
			default -> yearCue(c.reference.getYear() - n, false);
		};
	}

	/** "in two weeks": ahead of the article's date. */
	private static @Nullable Resolved ahead(Context c, String count, String unit) {
		if (c.reference == null) {
			return null;
		}
		int n = NUMBERS.containsKey(count) ? NUMBERS.get(count) : Integer.parseInt(count);
		return switch (unit) {
			case "day" -> new Resolved(c.reference.plusDays(n), DatePrecision.DAY, false, false);
			case "week" ->
				monthCue(c.reference.plusWeeks(n).getYear(), c.reference.plusWeeks(n).getMonthValue(), false);
			case "month" ->
				monthCue(c.reference.plusMonths(n).getYear(), c.reference.plusMonths(n).getMonthValue(), false);
			default -> yearCue(c.reference.getYear() + n, false);
		};
	}

	private static int month(String name) {
		String key = name.substring(0, 3).toLowerCase(Locale.ROOT);
		return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(key)
				+ 1;
	}

	private record Context(@Nullable LocalDate reference, @Nullable Integer contextYear, boolean future) {

	}

	private record Resolved(LocalDate date, DatePrecision precision, boolean explicitYear, boolean newsDay) {

	}

	private static final class Rule {

		/** The kinds of words the expression cannot match without. */
		final int needs;

		final Pattern pattern;

		final Function<Matcher, Function<Context, @Nullable Resolved>> resolver;

		Rule(int needs, String regex, Function<Matcher, Function<Context, @Nullable Resolved>> resolver) {
			this.needs = needs;
			this.pattern = Pattern.compile(regex);
			this.resolver = resolver;
		}

	}

}
