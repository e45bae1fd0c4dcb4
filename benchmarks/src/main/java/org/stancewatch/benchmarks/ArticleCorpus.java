package org.stancewatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.stancewatch.contracts.Article;

/**
 * A deterministic corpus of news articles of about 4 KB each, written from templates in
 * our own words, for benchmarks of the engine and of the Kafka pipeline.
 * <p>
 * About seven in ten articles report no act by a state toward the government in Kabul
 * (aid deliveries, sport, internal decrees, the economy, weather); the rest carry one to
 * three sentences in which a state acts, intends to act, or explicitly does not act
 * (recognition, ambassadors, embassies, sanctions, terrorist lists, talks, agreements,
 * aid pledges, negated and hedged forms). Dates in those sentences are relative to the
 * article's published date. The same {@code count} and {@code seed} always give the same
 * articles.
 */
public final class ArticleCorpus {

	private static final int TARGET_LENGTH = 4000;

	private static final Instant EARLIEST = Instant.parse("2024-01-01T06:00:00Z");

	/** Name, capital or seat of power, demonym. */
	private static final String[][] STATES = { { "Russia", "Moscow", "Russian" }, { "China", "Beijing", "Chinese" },
			{ "Pakistan", "Islamabad", "Pakistani" }, { "Uzbekistan", "Tashkent", "Uzbek" },
			{ "Kazakhstan", "Astana", "Kazakh" }, { "Iran", "Tehran", "Iranian" }, { "India", "New Delhi", "Indian" },
			{ "Turkey", "Ankara", "Turkish" }, { "the United Arab Emirates", "Abu Dhabi", "Emirati" },
			{ "Qatar", "Doha", "Qatari" }, { "Germany", "Berlin", "German" },
			{ "the United States", "Washington", "American" }, { "Britain", "London", "British" },
			{ "France", "Paris", "French" }, { "Japan", "Tokyo", "Japanese" },
			{ "Turkmenistan", "Ashgabat", "Turkmen" }, { "Tajikistan", "Dushanbe", "Tajik" },
			{ "Kyrgyzstan", "Bishkek", "Kyrgyz" }, { "Saudi Arabia", "Riyadh", "Saudi" },
			{ "Indonesia", "Jakarta", "Indonesian" }, { "Azerbaijan", "Baku", "Azerbaijani" },
			{ "Belarus", "Minsk", "Belarusian" }, { "Norway", "Oslo", "Norwegian" }, { "Canada", "Ottawa", "Canadian" },
			{ "Australia", "Canberra", "Australian" }, { "Italy", "Rome", "Italian" }, { "Egypt", "Cairo", "Egyptian" },
			{ "Malaysia", "Kuala Lumpur", "Malaysian" }, { "Oman", "Muscat", "Omani" },
			{ "Bangladesh", "Dhaka", "Bangladeshi" } };

	private static final String[] TARGETS = { "the Taliban government", "the Taliban administration",
			"the Islamic Emirate of Afghanistan", "the de facto authorities in Kabul",
			"the interim government in Kabul", "the Taliban authorities" };

	private static final String[] SPEAKERS = { "{S}'s foreign ministry said in a statement",
			"a spokesperson for the {D} foreign ministry told reporters", "officials in {C} confirmed",
			"the {D} ambassador in the region said", "{S}'s foreign minister announced" };

	/** Completed acts: {S} state, {T} target, {W} when, {C} capital, {D} demonym. */
	private static final String[] ACTS = { "{S} formally recognised {T} {W}, becoming one of very few states to do so.",
			"{S} accepted the credentials of the ambassador sent by {T} {W}.",
			"{W}, {S} appointed a new ambassador to Kabul after a gap of several years.",
			"{S} reopened its embassy in Kabul {W}, and a small team of diplomats returned to the compound.",
			"{S} closed its embassy in Kabul {W}, citing the security situation.",
			"{C} imposed fresh sanctions on senior figures of {T} {W}.",
			"{S} removed the Taliban from its list of terrorist organisations {W}.",
			"A court in {C} lifted the ban on the Taliban movement {W}, ending its status as a prohibited group.",
			"{S} designated the Taliban a terrorist organisation {W}.",
			"{S} handed the Afghan embassy in {C} over to envoys of {T} {W}.",
			"{S} upgraded the Afghan mission in {C} to the level of an embassy {W}.",
			"{S} signed an agreement with {T} on transit trade and rail freight {W}.",
			"The {D} government expelled two diplomats of {T} {W}.",
			"{S} condemned {T} {W} over new limits on the schooling of girls.",
			"{S} accepted a chargé d'affaires appointed by {T} {W}.",
			"{S} froze assets linked to {T} held in its banks {W}.",
			"{S} lifted sanctions on several ministers of {T} {W}." };

	/** Intended acts, said by the actor itself. */
	private static final String[] INTENTS = { "{S} is considering removing the Taliban from its list of banned groups.",
			"{S} plans to appoint an ambassador to Kabul before the end of the year, {Q}.",
			"{S} will reopen its embassy in Kabul, {Q}.",
			"{S} has decided to accept an ambassador from {T}, {Q}, with the legal steps to follow.",
			"{S} intends to impose travel bans on members of {T}, {Q}." };

	/** Statements that are explicitly not acts, or speculation by third parties. */
	private static final String[] NON_ACTS = { "{S} said the visit does not amount to recognition of {T}.",
			"Officials in {C} stressed that the talks do not mean {S} recognises {T}.",
			"No country other than a handful of neighbours has recognised {T}, analysts said.",
			"Analysts in {C} said other governments may follow if the talks go well.",
			"{S} has not officially recognised {T}, its envoy said.",
			"Delegations from {S} and {T} held talks in {C} {W} on trade and border security.",
			"{S} pledged further humanitarian aid for Afghans {W}, to be delivered through United Nations agencies." };

	private static final String[] PROVINCES = { "Herat", "Kandahar", "Balkh", "Nangarhar", "Kunar", "Badakhshan",
			"Ghazni", "Paktia", "Helmand", "Bamiyan", "Takhar", "Faryab", "Laghman", "Zabul", "Logar" };

	private static final String[] AGENCIES = { "the World Food Programme", "UNICEF", "the Red Crescent",
			"a group of local charities", "the World Health Organization", "an international medical charity" };

	private static final String[] GOODS = { "wheat flour", "cooking oil", "fuel", "cement", "dried fruit", "saffron",
			"pine nuts", "medicines", "coal", "cotton" };

	private static final String[] SPORTS = { "cricket", "football", "wrestling", "volleyball", "taekwondo", "futsal" };

	private static final String[] TOPICS = { "aid", "sport", "decree", "economy", "weather" };

	private static final String[] FILLER_AID = {
			"{A} said it had delivered {N} tonnes of food to families in {P} province over the past month.",
			"Health workers in {P} reported a rise in cases of measles among children under five.",
			"{A} warned that its funding would run out within {N} weeks unless donors stepped in.",
			"In {P}, families who returned from abroad are living in tents on the edge of the provincial capital.",
			"Aid workers said the road to several districts of {P} had been blocked by landslides for days.",
			"{A} opened {N} mobile clinics in remote villages, each staffed by a doctor and two nurses.",
			"Local officials in {P} asked for blankets and heaters ahead of the winter." };

	private static final String[] FILLER_SPORT = {
			"The national {R} team won its match by {N} runs in a tense finish watched by thousands.",
			"Supporters gathered in the squares of {P} to follow the {R} tournament on big screens.",
			"The coach said the young players from {P} had trained for months on a dusty pitch.",
			"A new {R} ground with seats for {N} hundred spectators is being built on the outskirts of {P}.",
			"The captain thanked fans and said the squad would travel to the next round without two injured bowlers.",
			"Officials of the {R} federation said {N} clubs had registered for the new season." };

	private static final String[] FILLER_DECREE = {
			"The supreme leader issued a decree on the management of land disputes in {P} province.",
			"The ministry for the promotion of virtue published new rules on shop signs in {P}.",
			"A new governor for {P} was appointed by order of the leadership, state media reported.",
			"The decree gives provincial courts {N} days to settle cases involving inherited property.",
			"Officials said the rules on beards and dress would be enforced by inspectors in the markets of {P}.",
			"The ministry of higher education announced changes to the curriculum of {N} universities." };

	private static final String[] FILLER_ECONOMY = {
			"The afghani traded at about {N} to the dollar in the money markets of Kabul this week.",
			"Exports of {G} through the border crossings of {P} rose compared with the same month last year.",
			"Traders in {P} said the price of {G} had climbed by {N} per cent since the spring.",
			"A mining company signed a contract to extract copper in {P}, the ministry of mines said.",
			"Customs revenue reached {N} million afghanis last month, according to the finance ministry.",
			"Truck drivers waited for {N} hours at the crossing as officials inspected loads of {G}." };

	private static final String[] FILLER_WEATHER = {
			"An earthquake of magnitude {M} struck {P} province early in the morning, damaging hundreds of homes.",
			"Flash floods swept through {N} villages in {P}, washing away fields and livestock.",
			"Rescue teams dug through rubble in {P} with shovels and their bare hands.",
			"The disaster authority said {N} people had been injured and taken to hospitals in {P}.",
			"Heavy snow closed the Salang tunnel for {N} hours, stranding hundreds of vehicles.",
			"A drought has left wells dry in much of {P}, and farmers have sold their animals." };

	private static final String[] TITLE_ACT = { "{S} shifts course on relations with Kabul",
			"Diplomatic moves: {S} and the Taliban", "{S} takes a new step toward the Taliban government",
			"What {S}'s decision means for Afghanistan" };

	private static final String[] TITLE_PLAIN = { "Aid reaches {P} as winter approaches", "{P} cheers its {R} players",
			"New decree for {P} published in Kabul", "Prices of {G} rise in {P}", "Disaster teams at work in {P}" };

	private static final String[] SOURCES = { "example-news.org", "kabul-observer.example", "region-wire.example",
			"central-asia-daily.example", "world-desk.example" };

	private ArticleCorpus() {
	}

	/**
	 * Generates {@code count} articles; the same arguments always give the same list.
	 * @param count how many articles
	 * @param seed the seed of the pseudo-random choices
	 * @return the articles, ids unique within the list
	 */
	public static List<Article> generate(int count, long seed) {
		List<Article> articles = new ArrayList<>(count);
		for (int index = 0; index < count; index++) {
			articles.add(article(new SplittableRandom(seed * 1_000_003L + index), seed, index));
		}
		return articles;
	}

	private static Article article(SplittableRandom random, long seed, int index) {
		Instant published = EARLIEST.plus(Duration.ofMinutes(random.nextLong(Duration.ofDays(700).toMinutes())));
		LocalDate day = LocalDate.ofInstant(published, ZoneOffset.UTC);
		boolean withAct = random.nextInt(10) < 3;
		String[] state = pick(random, STATES);
		String topic = pick(random, TOPICS);
		StringBuilder text = new StringBuilder(TARGET_LENGTH + 400);
		String title;
		if (withAct) {
			title = fill(pick(random, TITLE_ACT), random, state, day);
			int acts = 1 + random.nextInt(3);
			text.append(fill(lead(random), random, state, day)).append(' ');
			for (int act = 0; act < acts; act++) {
				String[] actor = (act == 0) ? state : pick(random, STATES);
				text.append(fill(pick(random, actSentences(random)), random, actor, day)).append(' ');
				if (random.nextBoolean()) {
					appendFiller(text, random, topic, state, day, 2);
				}
			}
			text.append("\n\n");
		}
		else {
			title = fill(pick(random, TITLE_PLAIN), random, state, day);
		}
		while (text.length() < TARGET_LENGTH) {
			appendFiller(text, random, (random.nextInt(4) == 0) ? pick(random, TOPICS) : topic, state, day,
					3 + random.nextInt(3));
			text.append("\n\n");
		}
		String body = text.toString().strip();
		String id = UUID.nameUUIDFromBytes(("corpus:" + seed + ":" + index).getBytes(StandardCharsets.UTF_8))
			.toString();
		String source = pick(random, SOURCES);
		String url = "https://" + source + "/" + day.getYear() + "/" + slug(title) + "-" + index;
		Instant publishedAt = (random.nextInt(40) == 0) ? null : published;
		return new Article(id, url, url, title, source, "feed-" + source, publishedAt,
				published.plus(Duration.ofMinutes(5 + random.nextInt(120))), "en", body, null, sha256(body), null);
	}

	private static String[] actSentences(SplittableRandom random) {
		int kind = random.nextInt(10);
		return (kind < 6) ? ACTS : (kind < 8) ? INTENTS : NON_ACTS;
	}

	private static String lead(SplittableRandom random) {
		return pick(random,
				new String[] { "Diplomats in the region were watching {C} closely this week.",
						"Relations between {S} and {T} have changed step by step since 2021.",
						"The move was discussed for months in {C} before it was made public.",
						"Neighbouring states have taken different paths in dealing with {T}." });
	}

	private static void appendFiller(StringBuilder text, SplittableRandom random, String topic, String[] state,
			LocalDate day, int sentences) {
		String[] pool = switch (topic) {
			case "aid" -> FILLER_AID;
			case "sport" -> FILLER_SPORT;
			case "decree" -> FILLER_DECREE;
			case "economy" -> FILLER_ECONOMY;
			default -> FILLER_WEATHER;
		};
		for (int sentence = 0; sentence < sentences; sentence++) {
			text.append(fill(pick(random, pool), random, state, day)).append(' ');
		}
	}

	private static String fill(String template, SplittableRandom random, String[] state, LocalDate day) {
		String sentence = template;
		if (sentence.contains("{Q}")) {
			sentence = sentence.replace("{Q}", fill(pick(random, SPEAKERS), random, state, day));
		}
		if (sentence.startsWith("{W}")) {
			sentence = capitalise(when(random, day, true)) + sentence.substring(3);
		}
		sentence = sentence.replace("{W}", when(random, day, false))
			.replace("{T}", pick(random, TARGETS))
			.replace("{C}", state[1])
			.replace("{D}", state[2])
			.replace("{A}", pick(random, AGENCIES))
			.replace("{P}", pick(random, PROVINCES))
			.replace("{G}", pick(random, GOODS))
			.replace("{R}", pick(random, SPORTS))
			.replace("{N}", Integer.toString(2 + random.nextInt(60)))
			.replace("{M}", (4 + random.nextInt(3)) + "." + random.nextInt(10));
		return capitalise(sentence.replace("{S}", state[0]).replace("  ", " ").replace(" ,", ",").replace(" .", "."));
	}

	/** A date expression relative to the published day, or none at all. */
	private static String when(SplittableRandom random, LocalDate day, boolean leading) {
		return switch (random.nextInt(9)) {
			case 0 -> "on " + day.minusDays(1 + random.nextInt(6))
				.getDayOfWeek()
				.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
			case 1 -> "last week";
			case 2 -> "earlier this month";
			case 3 -> "in " + month(day.minusMonths(1 + random.nextInt(5)));
			case 4 ->
				"on " + day.minusDays(random.nextInt(40)).format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH));
			case 5 -> (2 + random.nextInt(4)) + " months ago";
			case 6 -> "last " + month(day.minusMonths(6 + random.nextInt(5)));
			case 7 -> "on " + day.minusDays(random.nextInt(300))
				.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
			default -> leading ? "this year" : "";
		};
	}

	private static String month(LocalDate date) {
		return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	private static String capitalise(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String slug(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	private static <T> T pick(SplittableRandom random, T[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
