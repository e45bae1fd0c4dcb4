package org.stancewatch.extract.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;

/**
 * The rule engine: reads an article sentence by sentence with the {@link Dictionaries}
 * and returns one {@link RelationChange} per distinct act a state took (or announced)
 * toward a watched government. Deterministic and thread-safe: it keeps no state between
 * calls.
 */
public final class RuleEngine implements RelationExtractor {

	/** Engine name and version; changes whenever the rules read differently. */
	public static final String VERSION = "stancewatch-rules/1.2.0";

	/** How many prose sentences open an article: its lead, where the news is told. */
	private static final int LEAD_SENTENCES = 10;

	/** How many prose sentences name the article's main actors. */
	private static final int OPENING_SENTENCES = 2;

	/** How much less sure an act is when only a headline names it. */
	private static final double HEADLINE_PENALTY = 0.15;

	/** Acts older than this before publication are the article's background. */
	private static final int BACKGROUND_DAYS = 30;

	/** How far (characters) a date expression may sit from the act's word. */
	private static final int DATE_REACH = 110;

	private final Dictionaries dictionaries;

	private final DateCues dateCues = new DateCues();

	public RuleEngine(Dictionaries dictionaries) {
		this.dictionaries = dictionaries;
	}

	@Override
	public String version() {
		return VERSION;
	}

	@Override
	public List<RelationChange> extract(Article article) {
		String text = article.text();
		List<Sentence> sentences = SentenceSplitter.split(text, article.title());
		LocalDate reference = referenceDate(article, sentences, text);
		List<RelationChange> events = new ArrayList<>();
		for (TargetLexicon target : this.dictionaries.targets) {
			events.addAll(extract(article, text, sentences, reference, target));
		}
		return events;
	}

	private List<RelationChange> extract(Article article, String text, List<Sentence> sentences,
			@Nullable LocalDate reference, TargetLexicon target) {
		SentenceReader reader = new SentenceReader(this.dictionaries, target);
		Headlines headlines = new Headlines(article.title());
		ArticleState state = new ArticleState();
		List<Dated> dated = new ArrayList<>();
		Integer contextYear = null;
		int prose = 0;
		DateCue newsDate = null;
		for (Sentence sentence : sentences) {
			if (endsArticle(sentence)) {
				break;
			}
			boolean lead = prose < LEAD_SENTENCES;
			boolean opening = prose < OPENING_SENTENCES;
			if (sentence.isProse()) {
				prose++;
			}
			List<Finding> findings = reader.read(text, sentence, state);
			// Date expressions cost regular expressions: read them where they can matter.
			List<DateCue> cues = (lead || !findings.isEmpty() || hasYear(text, sentence))
					? this.dateCues.find(text, sentence.start(), sentence.end(), reference, contextYear, false)
					: List.of();
			if (lead && (newsDate == null || !newsDate.newsDay())) {
				DateCue news = cues.stream().filter((cue) -> isNews(cue, reference)).findFirst().orElse(null);
				if (news != null && (newsDate == null || news.newsDay())) {
					newsDate = news;
				}
			}
			boolean headline = !findings.isEmpty() && headlines.isHeadline(text, sentence);
			for (Finding finding : findings) {
				DateCue cue = nearest(cues, finding);
				if (finding.status() == Status.INTENDED) {
					// A plan's date lies ahead ("will lift the ban on Friday"); a date
					// told
					// before its act word is when it was announced ("approved on Friday a
					// bill to ...").
					List<DateCue> future = this.dateCues.find(text, sentence.start(), sentence.end(), reference,
							contextYear, true);
					DateCue ahead = nearest(future.stream().filter((c) -> c.start() > finding.triggerStart()).toList(),
							finding);
					cue = (ahead != null) ? ahead : (cue != null) ? cue : nearest(future, finding);
				}
				dated.add(new Dated(finding, cue, lead, opening, headline));
			}
			for (DateCue cue : cues) {
				if (cue.explicitYear()) {
					contextYear = cue.date().getYear();
				}
			}
		}
		return events(article, target.code(), dated, newsDate, reference);
	}

	private List<RelationChange> events(Article article, String target, List<Dated> dated, @Nullable DateCue newsDate,
			@Nullable LocalDate reference) {
		Set<String> mainActors = new LinkedHashSet<>();
		for (Dated d : dated) {
			if (d.opening && !d.finding.pastContext() && !isOld(d.cue, reference)) {
				mainActors.addAll(d.finding.actors());
			}
		}
		Map<String, Reading> byKey = new LinkedHashMap<>();
		for (Dated d : dated) {
			Finding f = d.finding;
			for (String actor : f.actors()) {
				if (d.headline && toldInBody(dated, actor, f, reference)) {
					// A headline restating what the body reports: the body is the
					// evidence.
					continue;
				}
				// A lede restating a report the body dates is that report: same date, and
				// the body's sentence is the evidence.
				DateCue cue = (d.cue == null && d.lead) ? restatedNews(dated, d, actor, reference) : d.cue;
				boolean background = f.pastContext() || isOld(cue, reference) || (!mainActors.isEmpty()
						&& !mainActors.contains(actor) && (cue == null || !isNews(cue, reference)));
				if (cue == null && d.lead && !background) {
					// The lead tells the news of the day: an undated act there happened
					// then.
					cue = newsDate;
				}
				double penalty = d.headline ? HEADLINE_PENALTY : 0;
				RelationChange event = event(article, actor, target, f, cue, background, penalty);
				String key = actor + "|" + f.action() + "|" + f.status() + "|" + event.occurredOn();
				Reading reading = new Reading(event, d.cue != null);
				Reading earlier = byKey.get(key);
				byKey.put(key, (earlier == null) ? reading : merge(earlier, reading));
			}
		}
		List<RelationChange> events = new ArrayList<>();
		byKey.values().forEach((reading) -> events.add(reading.event));
		return withoutUndatedRepeats(events);
	}

	/**
	 * Whether a sentence other than a headline reports the act of the actor. Headlines
	 * blur tense ("Kazakhstan to upgrade mission"), so a body report of the news keeps
	 * its own status; a past act of the same kind only stands for the same status.
	 */
	private static boolean toldInBody(List<Dated> dated, String actor, Finding f, @Nullable LocalDate reference) {
		return dated.stream()
			.anyMatch((d) -> !d.headline && d.finding.action() == f.action() && d.finding.actors().contains(actor)
					&& (d.finding.status() == f.status() || !(d.finding.pastContext() || isOld(d.cue, reference))));
	}

	/**
	 * The date of the report an undated act of the lead restates: the same act told
	 * again, dated as recent news, elsewhere (a summary or lede restating the body).
	 */
	private static @Nullable DateCue restatedNews(List<Dated> dated, Dated undated, String actor,
			@Nullable LocalDate reference) {
		if (undated.finding.pastContext()) {
			return null;
		}
		return dated.stream()
			.filter((d) -> d != undated && !d.headline && d.cue != null && !d.finding.pastContext()
					&& !isOld(d.cue, reference) && sameAct(d.finding, actor, undated.finding))
			.map(Dated::cue)
			.findFirst()
			.orElse(null);
	}

	private static boolean sameAct(Finding finding, String actor, Finding other) {
		return finding.action() == other.action() && finding.status() == other.status()
				&& finding.actors().contains(actor);
	}

	/**
	 * The same act read twice keeps as evidence the sentence that dates it itself, else
	 * the surer reading, and the higher confidence; it is background only if both say so.
	 */
	private static Reading merge(Reading earlier, Reading later) {
		boolean laterBetter = (later.ownDate != earlier.ownDate) ? later.ownDate
				: later.event.confidence() > earlier.event.confidence();
		Reading kept = laterBetter ? later : earlier;
		double confidence = Math.max(earlier.event.confidence(), later.event.confidence());
		boolean background = earlier.event.background() && later.event.background();
		return new Reading(with(kept.event, background, confidence), earlier.ownDate || later.ownDate);
	}

	/**
	 * An undated mention of an act the article also dates is that act, not another one.
	 */
	private static List<RelationChange> withoutUndatedRepeats(List<RelationChange> events) {
		List<RelationChange> kept = new ArrayList<>();
		for (RelationChange event : events) {
			List<RelationChange> dated = events.stream()
				.filter((other) -> other.occurredOn() != null && other.actor().equals(event.actor())
						&& other.action() == event.action() && other.status() == event.status())
				.toList();
			if (event.occurredOn() == null && !dated.isEmpty() && !event.action().isEpisodic()) {
				continue;
			}
			boolean background = event.background();
			if (event.occurredOn() != null && !background) {
				kept.add(event);
				continue;
			}
			boolean undatedNews = events.stream()
				.anyMatch((other) -> other.occurredOn() == null && !other.background()
						&& other.actor().equals(event.actor()) && other.action() == event.action()
						&& other.status() == event.status());
			kept.add((undatedNews && event.occurredOn() != null && dated.size() == 1) ? withBackground(event, false)
					: event);
		}
		kept.sort(Comparator.comparingInt(RelationChange::evidenceStart));
		return kept;
	}

	private RelationChange event(Article article, String actor, String target, Finding f, @Nullable DateCue cue,
			boolean background, double penalty) {
		LocalDate occurredOn = (cue != null) ? cue.date() : null;
		DatePrecision precision = (cue != null) ? cue.precision() : DatePrecision.UNKNOWN;
		Sentence sentence = f.sentence();
		return new RelationChange(EventIds.of(article.id(), actor, target, f.action(), f.status(), occurredOn, VERSION),
				article.id(), article.url(), article.title(), article.source(), article.publishedAt(),
				article.duplicateOf(), actor, target, f.action(), f.action().direction(), f.status(), occurredOn,
				precision, background, sentence.text(article.text()), sentence.start(), sentence.end(),
				Math.round(Math.max(0.05, f.confidence() - penalty) * 100) / 100.0, VERSION);
	}

	private static RelationChange withBackground(RelationChange e, boolean background) {
		return with(e, background, e.confidence());
	}

	private static RelationChange with(RelationChange e, boolean background, double confidence) {
		return new RelationChange(e.eventId(), e.articleId(), e.articleUrl(), e.articleTitle(), e.source(),
				e.publishedAt(), e.duplicateOf(), e.actor(), e.target(), e.action(), e.direction(), e.status(),
				e.occurredOn(), e.datePrecision(), background, e.evidence(), e.evidenceStart(), e.evidenceEnd(),
				confidence, e.extractor());
	}

	/**
	 * The date expression nearest the act's word, in its clause (or the reporting one).
	 */
	private static @Nullable DateCue nearest(List<DateCue> cues, Finding finding) {
		DateCue best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (DateCue cue : cues) {
			if (cue.end() <= finding.clauseStart() || cue.start() >= finding.clauseEnd()) {
				continue;
			}
			int distance = (cue.start() >= finding.triggerStart()) ? cue.start() - finding.triggerStart()
					: finding.triggerStart() - cue.end();
			if (distance <= DATE_REACH && distance < bestDistance) {
				best = cue;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * "Related stories", "Leave a comment": the article is over, other stories follow.
	 */
	private boolean endsArticle(Sentence sentence) {
		List<Token> tokens = sentence.tokens();
		return !tokens.isEmpty() && tokens.size() <= 6
				&& this.dictionaries.cues.at(Cues.END_OF_ARTICLE, tokens, 0) >= 0;
	}

	/**
	 * Whether the sentence writes a year (four digits), which later "that year" may refer
	 * to.
	 */
	private static boolean hasYear(String text, Sentence sentence) {
		int digits = 0;
		for (int i = sentence.start(); i < sentence.end(); i++) {
			digits = Character.isDigit(text.charAt(i)) ? digits + 1 : 0;
			if (digits == 4) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNews(DateCue cue, @Nullable LocalDate reference) {
		if (reference == null || cue.precision() != DatePrecision.DAY) {
			return false;
		}
		return cue.newsDay() || (!cue.date().isAfter(reference) && cue.date().isAfter(reference.minusDays(8)));
	}

	private static boolean isOld(@Nullable DateCue cue, @Nullable LocalDate reference) {
		if (cue == null || reference == null) {
			return false;
		}
		LocalDate end = switch (cue.precision()) {
			case YEAR -> cue.date().plusYears(1).minusDays(1);
			case MONTH -> cue.date().plusMonths(1).minusDays(1);
			default -> cue.date();
		};
		return end.isBefore(reference.minusDays(BACKGROUND_DAYS));
	}

	/**
	 * The date relative expressions resolve against: the publication date, else a date
	 * written in the headline or the first lines (a dateline).
	 */
	private @Nullable LocalDate referenceDate(Article article, List<Sentence> sentences, String text) {
		if (article.publishedAt() != null) {
			return article.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
		}
		String title = article.title();
		if (title != null) {
			LocalDate date = firstFullDate(title, 0, title.length());
			if (date != null) {
				return date;
			}
		}
		for (Sentence sentence : sentences.subList(0, Math.min(3, sentences.size()))) {
			LocalDate date = firstFullDate(text, sentence.start(), sentence.end());
			if (date != null) {
				return date;
			}
		}
		return null;
	}

	private @Nullable LocalDate firstFullDate(String text, int from, int to) {
		return this.dateCues.find(text, from, to, null, null, false)
			.stream()
			.filter((cue) -> cue.precision() == DatePrecision.DAY && cue.explicitYear())
			.map(DateCue::date)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A finding with its own date expression (if any) and where it stands: in the lead,
	 * among the opening sentences, in a headline.
	 */
	private record Dated(Finding finding, @Nullable DateCue cue, boolean lead, boolean opening, boolean headline) {

	}

	/** An event as read, and whether its date came from its own sentence. */
	private record Reading(RelationChange event, boolean ownDate) {

	}

}
