package org.stancewatch.alert.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.StanceShift;

/**
 * What an alert says, in words every channel uses: the state, the target, the move from
 * level to level, the act and when it happened, the evidence sentence, the sources, the
 * confidence and a link to the state's history.
 *
 * @param subject one line, for an e-mail subject or a feed entry title
 * @param headline the move, in a sentence
 * @param act the act, its status and its date
 * @param evidence the sentence the act was read from
 * @param sources every report of the act
 * @param confidence 0..1
 * @param historyUrl the state's stance history in the read API
 * @param note late news or test message, when it is one
 */
public record AlertContent(String subject, String headline, String act, String evidence,
		List<StanceShift.Source> sources, double confidence, String historyUrl, @Nullable String note) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	public AlertContent {
		sources = List.copyOf(sources);
	}

	static AlertContent of(StanceShift shift, DeliveryKind kind, String publicUrl) {
		String actor = countryName(shift.actor());
		String target = countryName(shift.target());
		String headline;
		String subject;
		if (shift.kind() == StanceShift.Kind.SIGNAL) {
			headline = actor + " announced an act toward the government of " + target + "; its stance stays "
					+ shift.to() + ".";
			subject = actor + " toward " + target + ": signal, " + words(shift.action().name());
		}
		else {
			headline = actor + "'s stance toward the government of " + target + " moved from " + shift.from() + " to "
					+ shift.to() + ".";
			subject = actor + " toward " + target + ": " + shift.from() + " -> " + shift.to();
		}
		String act = capitalized(words(shift.action().name())) + " (" + shift.status().name().toLowerCase(Locale.ROOT)
				+ ", " + shift.action().direction().name().toLowerCase(Locale.ROOT) + "), "
				+ when(shift.occurredOn(), shift.datePrecision());
		String note = null;
		if (kind == DeliveryKind.TEST) {
			note = "This is a test message from stancewatch: no stance has changed.";
			subject = "[test] " + subject;
		}
		else if (shift.late()) {
			note = "Late news: this act was first reported long after it happened.";
		}
		String historyUrl = publicUrl.replaceAll("/+$", "") + "/api/stances/" + shift.actor();
		return new AlertContent(subject, headline, act, shift.evidence(), shift.sources(), shift.confidence(),
				historyUrl, note);
	}

	/** The whole alert as plain text. */
	public String plainText() {
		StringBuilder text = new StringBuilder();
		if (this.note != null) {
			text.append(this.note).append("\n\n");
		}
		text.append(this.headline).append("\n\n");
		text.append("Act: ").append(this.act).append('\n');
		text.append("Evidence: \"").append(this.evidence).append("\"\n");
		text.append("Confidence: ").append(confidencePercent()).append('\n');
		text.append("Sources (").append(this.sources.size()).append("):\n");
		for (StanceShift.Source source : this.sources) {
			text.append("- ").append(sourceLabel(source)).append(": ").append(source.url()).append('\n');
		}
		text.append("History: ").append(this.historyUrl).append('\n');
		return text.toString();
	}

	public String confidencePercent() {
		return Math.round(this.confidence * 100) + "%";
	}

	public static String sourceLabel(StanceShift.Source source) {
		if (source.title() != null && !source.title().isBlank()) {
			return (source.site() != null) ? source.title() + " (" + source.site() + ")" : source.title();
		}
		return (source.site() != null) ? source.site() : source.url();
	}

	static String countryName(String code) {
		String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
		return (name.isBlank() || name.equals(code)) ? code : name;
	}

	private static String when(@Nullable LocalDate date, DatePrecision precision) {
		if (date == null || precision == DatePrecision.UNKNOWN) {
			return "date unknown";
		}
		return switch (precision) {
			case DAY -> "on " + DAY.format(date);
			case MONTH -> "in " + MONTH.format(date);
			case YEAR -> "in " + date.getYear();
			case UNKNOWN -> "date unknown";
		};
	}

	private static String words(String constant) {
		return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
