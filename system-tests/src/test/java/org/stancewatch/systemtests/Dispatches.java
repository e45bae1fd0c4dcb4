package org.stancewatch.systemtests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Level;

/**
 * A stream of made-up news dispatches, written for these tests: for each of a set of
 * states, several outlets report one act toward Kabul (each state either accepts the
 * Taliban's ambassador or imposes sanctions on them, all on the same day), mixed with
 * market and weather reports that name no act at all. Every state's act shifts its stance
 * once, however many outlets report it.
 */
final class Dispatches {

	/** States by code and by the name the news uses. */
	private static final String[][] STATES = { { "AR", "Argentina" }, { "AT", "Austria" }, { "AU", "Australia" },
			{ "BD", "Bangladesh" }, { "BE", "Belgium" }, { "BG", "Bulgaria" }, { "BO", "Bolivia" }, { "BR", "Brazil" },
			{ "CA", "Canada" }, { "CL", "Chile" }, { "CO", "Colombia" }, { "CU", "Cuba" }, { "CZ", "Czechia" },
			{ "DK", "Denmark" }, { "EC", "Ecuador" }, { "EE", "Estonia" }, { "ES", "Spain" }, { "FI", "Finland" },
			{ "FJ", "Fiji" }, { "GH", "Ghana" }, { "GR", "Greece" }, { "HR", "Croatia" }, { "HU", "Hungary" },
			{ "IE", "Ireland" }, { "IS", "Iceland" }, { "IT", "Italy" }, { "JM", "Jamaica" }, { "JO", "Jordan" },
			{ "KE", "Kenya" }, { "KH", "Cambodia" }, { "LA", "Laos" }, { "LK", "Sri Lanka" }, { "LT", "Lithuania" },
			{ "LV", "Latvia" }, { "MA", "Morocco" }, { "MN", "Mongolia" }, { "MT", "Malta" }, { "MX", "Mexico" },
			{ "MY", "Malaysia" }, { "NA", "Namibia" }, { "NG", "Nigeria" }, { "NL", "the Netherlands" },
			{ "NO", "Norway" }, { "NP", "Nepal" }, { "NZ", "New Zealand" }, { "PA", "Panama" }, { "PE", "Peru" },
			{ "PH", "the Philippines" }, { "PL", "Poland" }, { "PT", "Portugal" }, { "PY", "Paraguay" },
			{ "RO", "Romania" }, { "RS", "Serbia" }, { "RW", "Rwanda" }, { "SE", "Sweden" }, { "SG", "Singapore" },
			{ "SI", "Slovenia" }, { "SK", "Slovakia" }, { "SN", "Senegal" }, { "TH", "Thailand" }, { "TN", "Tunisia" },
			{ "TZ", "Tanzania" }, { "UG", "Uganda" }, { "UY", "Uruguay" }, { "VN", "Vietnam" },
			{ "ZA", "South Africa" }, { "ZM", "Zambia" }, { "ZW", "Zimbabwe" }, { "BW", "Botswana" },
			{ "CR", "Costa Rica" }, { "CY", "Cyprus" }, { "DO", "the Dominican Republic" }, { "GT", "Guatemala" },
			{ "HN", "Honduras" }, { "LU", "Luxembourg" }, { "MU", "Mauritius" }, { "MZ", "Mozambique" },
			{ "SV", "El Salvador" }, { "CH", "Switzerland" }, { "GE", "Georgia" } };

	private static final String[] WARM = {
			"%s accepted the credentials of the Taliban ambassador on %s, officials said.",
			"On %2$s, %1$s accepted the letters of credence of the ambassador sent by the Taliban government.",
			"The foreign ministry said %s accepted the credentials of the Taliban's new ambassador on %s." };

	private static final String[] COOL = { "%s imposed sanctions on the Taliban government on %s.",
			"On %2$s, %1$s imposed new sanctions on senior Taliban leaders.",
			"Officials said %s imposed travel bans on Taliban ministers on %s." };

	private static final String[] FILLER = { "Wheat prices in the capital's markets were steady through the week.",
			"A cold front brought early snow to the passes of the Hindu Kush.",
			"Exporters of dried fruit reported strong orders from neighbouring buyers.",
			"The national cricket side announced its squad for a winter series.",
			"Power cuts in several provinces eased after repairs to a transmission line.",
			"A new road linking two northern districts opened to traffic.",
			"Aid agencies warned that funding for winter shelter was running short.",
			"Currency traders said the afghani held its value against the dollar.",
			"Students returned to private institutes after a holiday break.",
			"Farmers in the south prepared fields for the spring planting.",
			"A caravan of lorries carrying coal crossed into the neighbouring country.",
			"Health workers began a vaccination round in remote villages.",
			"Mobile network outages were reported in two eastern provinces.",
			"Local officials inaugurated a water reservoir near the city.",
			"Carpet weavers said demand abroad had picked up slightly." };

	private final List<Dispatch> dispatches = new ArrayList<>();

	private final List<ExpectedShift> shifts = new ArrayList<>();

	/**
	 * @param states how many states act (at most 80)
	 * @param reportsPerState how many outlets report each act
	 * @param noise how many dispatches report no act
	 * @param actDay the day every act happened
	 */
	Dispatches(int states, int reportsPerState, int noise, LocalDate actDay) {
		String date = actDay.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		Instant published = actDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		int n = 0;
		for (int report = 0; report < reportsPerState; report++) {
			for (int s = 0; s < states; s++) {
				String code = STATES[s][0];
				String name = STATES[s][1];
				boolean warming = s % 2 == 0;
				String act = (warming ? WARM : COOL)[report % 3].formatted(capitalized(name), date);
				this.dispatches.add(new Dispatch(
						"https://outlet-" + report + ".example.org/world/" + code.toLowerCase(Locale.ROOT) + "-"
								+ report,
						headline(name, warming, report), text(act, n), published, code,
						warming ? Action.ACCEPT_AMBASSADOR : Action.IMPOSE_SANCTIONS));
				n++;
			}
		}
		for (int i = 0; i < noise; i++) {
			this.dispatches.add(new Dispatch("https://outlet-" + (i % 7) + ".example.org/life/note-" + i,
					"Around the provinces, note " + i, text(FILLER[i % FILLER.length], n++), published, null, null));
		}
		for (int s = 0; s < states; s++) {
			boolean warming = s % 2 == 0;
			this.shifts.add(new ExpectedShift(STATES[s][0], Level.DISTANT, warming ? Level.NORMALIZED : Level.HOSTILE));
		}
		// Acts and notes interleaved, so that every fault hits a mix.
		Collections.shuffle(this.dispatches, new Random(7));
	}

	List<Dispatch> all() {
		return List.copyOf(this.dispatches);
	}

	List<ExpectedShift> shifts() {
		return List.copyOf(this.shifts);
	}

	long acts() {
		return this.dispatches.stream().filter((d) -> d.actor() != null).count();
	}

	private static String headline(String name, boolean warming, int report) {
		String state = capitalized(name.replace("the ", ""));
		return switch (report % 3) {
			case 0 -> state + (warming ? " takes a step toward Kabul" : " turns against Kabul");
			case 1 -> (warming ? "Envoy welcomed in " : "New measures from ") + state + ", desk " + report;
			default -> state + " and the Taliban: what changed, report " + report;
		};
	}

	private static String text(String act, int n) {
		return "Our correspondent filed this dispatch, number " + n + ". " + act + " " + FILLER[n % FILLER.length] + " "
				+ FILLER[(n * 7 + 3) % FILLER.length];
	}

	private static String capitalized(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** One article as a client POSTs it, with the act it reports, if any. */
	record Dispatch(String url, String title, String text, Instant publishedAt, @Nullable String actor,
			@Nullable Action action) {
	}

	/** A shift the stream must cause, once. */
	record ExpectedShift(String actor, Level from, Level to) {
	}

}
