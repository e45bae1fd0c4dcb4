package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Status;

/**
 * Reads one sentence for acts of states toward one watched government: finds the states,
 * the government and the words of the action rules, splits the sentence into clauses, and
 * for each action word works out who acts (subject, passive agent, possessor,
 * coordination), whether the government is what is acted on, and whether the clause
 * negates, doubts, plans or recalls the act.
 */
final class SentenceReader {

	private static final Set<String> VERB_HELPERS = Set.of("will", "would", "to", "has", "have", "had", "can", "could",
			"may", "might", "must", "shall", "should", "does", "did", "do", "not", "also", "then", "now", "first",
			"never", "later", "each", "all", "both", "jointly", "formally", "officially");

	private static final Set<String> AND_SKIPPABLE = Set.of("has", "have", "had", "also", "then", "later", "was",
			"were", "is", "are");

	private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");

	private static final Set<String> COORDINATION = Set.of(",", "and", "&", "as", "well", "both", "the", "or");

	private static final Set<String> COMPARISON = Set.of("after", "before", "following", "besides", "like");

	private static final Set<String> HARD_BOUNDARIES = Set.of(";", ":", "—", "–", "(", ")");

	private static final int OBJECT_REACH = 7;

	/**
	 * How much less sure a reading is whose actor or government the last sentence gave.
	 */
	private static final double BOUND_PENALTY = 0.15;

	/** How far after the act's word its object may be named. */
	private static final int OBJECT_SPAN = 15;

	private static final int AGENT_REACH = 12;

	/**
	 * "the recognition of the Taliban government by Russia": the agent follows closely.
	 */
	private static final int NOMINAL_AGENT_REACH = 7;

	private static final int WINDOW_AFTER = 110;

	private static final int WINDOW_BEFORE = 70;

	private final Dictionaries dictionaries;

	private final TargetLexicon target;

	private final Cues cues;

	private final Contrasts contrasts;

	SentenceReader(Dictionaries dictionaries, TargetLexicon target) {
		this.dictionaries = dictionaries;
		this.target = target;
		this.cues = dictionaries.cues;
		this.contrasts = new Contrasts(dictionaries.cues);
	}

	List<Finding> read(String text, Sentence sentence, ArticleState state) {
		List<Token> tokens = sentence.tokens();
		List<Mention> mentions = mentions(tokens);
		SentenceBinding binding = null;
		if (state.bound != null && (!mayTellAnAct(mentions) || opensWithInstitution(tokens))
				&& sameParagraph(text, state.lastEnd, sentence.start())) {
			binding = SentenceBinding.of(tokens, mentions, state.bound, this.cues);
			if (binding != null) {
				mentions = binding.mentions();
			}
		}
		boolean impliedTarget = binding != null && binding.impliedTarget();
		List<Finding> findings = new ArrayList<>();
		Context context = null;
		for (int i = 0; (impliedTarget || mayTellAnAct(mentions)) && i < tokens.size(); i++) {
			PhraseIndex.Match<List<ActionRules.Hit>> match = this.dictionaries.actions.at(tokens, i);
			if (match == null) {
				continue;
			}
			if (context == null) {
				// Most sentences name no act: their clauses are never needed.
				context = new Context(text, sentence, tokens, mentions, new Clauses(tokens, mentions), state,
						binding != null, impliedTarget);
			}
			Finding finding = readAction(context, i, match.last(), match.value());
			if (finding != null) {
				findings.add(finding);
			}
			i = match.last();
		}
		if (mentions.stream().anyMatch((m) -> m.kind() == Mention.Kind.TARGET)) {
			state.targetNamed = true;
		}
		List<String> subject = firstStates(mentions, tokens);
		boolean opensWithTarget = opensWithTarget(mentions, tokens);
		if (!subject.isEmpty() || opensWithTarget) {
			// A sentence whose subject is the government itself leaves "it" in the next
			// one unresolved rather than pointing to a state named further back.
			state.lastSubject = subject;
		}
		state.bound = (!subject.isEmpty() && !opensWithTarget && (impliedTarget || namesTarget(mentions, state)))
				? new ArticleState.Bound(subject.get(0), isOfficial(tokens, mentions, subject.get(0))) : null;
		state.lastEnd = sentence.end();
		return findings;
	}

	/**
	 * "The ministry said ...": a subject that the last sentence's state may stand behind.
	 */
	private boolean opensWithInstitution(List<Token> tokens) {
		return SentenceBinding.institutionSubject(tokens, this.cues) >= 0;
	}

	private static boolean sameParagraph(String text, int lastEnd, int start) {
		if (lastEnd < 0) {
			return false;
		}
		for (int k = lastEnd; k < start; k++) {
			if (text.charAt(k) == '\n' || text.charAt(k) == '\r') {
				return false;
			}
		}
		return true;
	}

	private static boolean namesTarget(List<Mention> mentions, ArticleState state) {
		for (Mention m : mentions) {
			if (m.kind() == Mention.Kind.TARGET
					|| (m.isTarget() || m.kind() == Mention.Kind.TARGET_PRONOUN) && state.targetNamed) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the state's first mention as a subject heads an official: "Russia's foreign
	 * minister", "the Uzbek president".
	 */
	private boolean isOfficial(List<Token> tokens, List<Mention> mentions, String code) {
		for (Mention m : mentions) {
			if (m.isState() && m.code().equals(code) && !isObject(tokens, m)) {
				for (int k = m.last() + 1; k < Math.min(tokens.size(), m.last() + 4); k++) {
					if (this.cues.at(Cues.STATE_INSTITUTION, tokens, k) >= 0) {
						return true;
					}
				}
				return false;
			}
		}
		return false;
	}

	/**
	 * Whether the sentence names both a state (or "it", "we") and the government: an act
	 * is read only from such a sentence, and most sentences are not.
	 */
	private static boolean mayTellAnAct(List<Mention> mentions) {
		boolean actor = false;
		boolean target = false;
		for (Mention m : mentions) {
			actor |= m.kind() == Mention.Kind.STATE || m.kind() == Mention.Kind.STATE_PRONOUN;
			target |= m.isTarget() || m.kind() == Mention.Kind.TARGET_PRONOUN;
		}
		return actor && target;
	}

	// --- mentions ---

	List<Mention> mentions(List<Token> tokens) {
		List<Mention> mentions = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			Mention mention = mentionAt(tokens, i);
			if (mention == null) {
				i++;
				continue;
			}
			mentions.add(mention);
			i = mention.last() + 1;
		}
		return mentions;
	}

	private @Nullable Mention mentionAt(List<Token> tokens, int i) {
		int j = (tokens.get(i).is("the") && i + 1 < tokens.size()) ? i + 1 : i;
		if (!this.dictionaries.mayStartMention(tokens.get(i)) && !this.dictionaries.mayStartMention(tokens.get(j))) {
			return null;
		}
		Mention best = null;
		PhraseIndex.Match<String> nonState = this.dictionaries.nonState.match(tokens, j);
		if (nonState != null) {
			best = new Mention(Mention.Kind.NON_STATE, "", j, nonState.last());
		}
		PhraseIndex.Match<String> name = this.target.names().match(tokens, j);
		if (name != null && (best == null || name.last() > best.last())) {
			best = new Mention(Mention.Kind.TARGET, this.target.code(), j, name.last());
		}
		PhraseIndex.Match<String> state = this.dictionaries.states.match(tokens, j);
		if (state != null && (best == null || state.last() > best.last())) {
			best = this.target.code().equals(state.value())
					? new Mention(Mention.Kind.TARGET, this.target.code(), j, state.last())
					: new Mention(Mention.Kind.STATE, state.value(), j, state.last());
		}
		PhraseIndex.Match<String> anaphor = this.target.anaphors().match(tokens, i);
		if (anaphor != null && (best == null || anaphor.last() > best.last())) {
			best = new Mention(
					(anaphor.first() == anaphor.last()) ? Mention.Kind.TARGET_PRONOUN : Mention.Kind.TARGET_ANAPHOR,
					this.target.code(), i, anaphor.last());
		}
		if (best == null) {
			int pronoun = this.cues.at(Cues.PRONOUN_STATE, tokens, i);
			if (pronoun >= 0) {
				return new Mention(Mention.Kind.STATE_PRONOUN, "", i, pronoun);
			}
			if (this.cues.is(Cues.PRONOUN_OTHER, tokens.get(i))) {
				return new Mention(Mention.Kind.OTHER, "", i, i);
			}
			return null;
		}
		int last = best.last();
		if (last + 1 < tokens.size() && tokens.get(last + 1).is("'s")) {
			last++;
		}
		Mention.Kind kind = best.kind();
		if (kind == Mention.Kind.STATE && headedByNonState(tokens, last)) {
			kind = Mention.Kind.NON_STATE;
		}
		return new Mention(kind, best.code(), best.first(), last);
	}

	/**
	 * "Russian companies", "China's opposition": the state only qualifies a non-state
	 * actor.
	 */
	private boolean headedByNonState(List<Token> tokens, int last) {
		for (int k = last + 1; k <= Math.min(last + 2, tokens.size() - 1); k++) {
			if (this.cues.is(Cues.NON_STATE_HEAD, tokens.get(k))) {
				return true;
			}
			if (!tokens.get(k).isWord()) {
				return false;
			}
		}
		return false;
	}

	// --- one action word ---

	private @Nullable Finding readAction(Context c, int first, int last, List<ActionRules.Hit> hits) {
		List<Candidate> candidates = new ArrayList<>();
		Windows windows = new Windows(c, first, last);
		for (ActionRules.Hit hit : hits) {
			ActionRules.Form form = form(c.tokens, first, hit.form(),
					hit.rule().verbs().contains(c.tokens.get(first).lower()));
			if (form == null) {
				continue;
			}
			int fit = fit(windows, hit.rule(), form);
			if (fit >= 0) {
				candidates.add(new Candidate(hit.rule(), form, fit));
			}
		}
		candidates.sort(Comparator.comparing((Candidate k) -> k.rule.needs().isEmpty())
			.thenComparingInt((Candidate k) -> k.fit));
		for (Candidate candidate : candidates) {
			Finding finding = evaluate(c, first, last, candidate.rule, candidate.form);
			if (finding != null) {
				return finding;
			}
		}
		return null;
	}

	/** The form the word has here, or null when it is used as a noun or adjective. */
	private ActionRules.@Nullable Form form(List<Token> tokens, int first, ActionRules.Form form, boolean lemma) {
		if (form == ActionRules.Form.NOUN) {
			return form;
		}
		int p = first - 1;
		while (p >= 0 && tokens.get(p).lower().endsWith("ly") && tokens.get(p).lower().length() > 3) {
			p--;
		}
		boolean determined = p >= 0 && (this.cues.is(Cues.DETERMINER, tokens.get(p))
				|| (p == first - 1 && this.dictionaries.actions.at(tokens, p) != null));
		if (!determined && p >= 1 && form != ActionRules.Form.PAST_OR_PARTICIPLE && form != ActionRules.Form.PAST) {
			// "the suicide attack", "its terror ban": a noun after a modifier.
			Token modifier = tokens.get(p);
			determined = modifier.isWord() && !modifier.isCapitalized() && !VERB_HELPERS.contains(modifier.lower())
					&& this.cues.is(Cues.DETERMINER, tokens.get(p - 1));
		}
		if (determined) {
			return (form == ActionRules.Form.GERUND) ? ActionRules.Form.NOUN : null;
		}
		// "to banned groups" is a participle after a preposition; "to let", "to put" an
		// infinitive whose lemma reads like its participle.
		if (form.mayBePassive() && p >= 0 && this.cues.is(Cues.OBJECT_PREPOSITION, tokens.get(p)) && p == first - 1
				&& !(lemma && tokens.get(p).is("to"))) {
			return null;
		}
		return form;
	}

	private int fit(Windows windows, ActionRule rule, ActionRules.Form form) {
		if (rule.needs().isEmpty() && rule.unless() == null) {
			return 0;
		}
		String after = windows.after();
		int fit = rule.fit(after);
		if (fit >= 0 || !(form == ActionRules.Form.NOUN || form.mayBePassive())) {
			return fit;
		}
		// Passive and nominal forms may carry their object before the word: "the ban ...
		// was lifted".
		String before = windows.before();
		if (rule.unless() != null && (rule.unless().matcher(before).find() || rule.unless().matcher(after).find())) {
			return -1;
		}
		for (java.util.regex.Pattern need : rule.needs()) {
			boolean anchored = need.pattern().startsWith("^");
			if (!need.matcher(after).find() && (anchored || !need.matcher(before).find())) {
				return -1;
			}
		}
		return WINDOW_AFTER;
	}

	/**
	 * The text (lower case) around an act word that the rules' needs are matched on, cut
	 * once for all the rules that name the word.
	 */
	private final class Windows {

		private final Context c;

		private final int first;

		private final int last;

		private @Nullable String after;

		private @Nullable String before;

		Windows(Context c, int first, int last) {
			this.c = c;
			this.first = first;
			this.last = last;
		}

		/** From the word to the end of its clause, at most up to a comma. */
		String after() {
			if (this.after == null) {
				int clauseEnd = this.c.clauses.actEnd(this.first, this.last);
				int afterStart = this.c.tokens.get(this.last).end();
				int afterEnd = Math.min(this.c.tokens.get(clauseEnd - 1).end(), afterStart + WINDOW_AFTER);
				this.after = cutAtComma(this.c.text.substring(afterStart, Math.max(afterStart, afterEnd)))
					.toLowerCase(Locale.ROOT);
			}
			return this.after;
		}

		/** From the start of its clause to the word. */
		String before() {
			if (this.before == null) {
				int beforeEnd = this.c.tokens.get(this.first).start();
				int beforeStart = Math.max(this.c.tokens.get(this.c.clauses.start(this.first)).start(),
						beforeEnd - WINDOW_BEFORE);
				this.before = this.c.text.substring(beforeStart, beforeEnd).toLowerCase(Locale.ROOT);
			}
			return this.before;
		}

	}

	private static String cutAtComma(String window) {
		int comma = window.indexOf(',');
		int semicolon = window.indexOf(';');
		int cut = (comma >= 0) ? comma : window.length();
		if (semicolon >= 0) {
			cut = Math.min(cut, semicolon);
		}
		return window.substring(0, cut);
	}

	private @Nullable Finding evaluate(Context c, int first, int last, ActionRule rule, ActionRules.Form form) {
		List<Token> tokens = c.tokens;
		int clauseStart = c.clauses.start(first);
		int clauseEnd = c.clauses.actEnd(first, last);
		boolean passive = form.mayBePassive() && (beBefore(tokens, first, clauseStart) || byAfter(tokens, last));
		Actors actors;
		if (rule.actorMode() == ActionRule.ActorMode.RECIPIENT) {
			actors = recipient(c, last, clauseEnd);
		}
		else if (form == ActionRules.Form.NOUN) {
			actors = nominalActor(c, first, last, clauseStart, clauseEnd);
		}
		else if (passive) {
			actors = passiveActor(c, first, last, clauseStart, clauseEnd);
		}
		else {
			actors = activeSubject(c, first, form, clauseStart);
			if (actors == null && form.mayBePassive()) {
				actors = passiveActor(c, first, last, clauseStart, clauseEnd);
				passive = true;
			}
			if (actors != null && actors.codes.isEmpty() && actors.blockedByTarget
					&& rule.actorMode() == ActionRule.ActorMode.EITHER) {
				actors = withPartner(c, last, clauseEnd);
			}
		}
		if (actors == null || actors.codes.isEmpty()) {
			return null;
		}
		TargetFit targetFit = targetFit(c, first, last, clauseStart, clauseEnd, rule, form, passive, actors);
		if (targetFit == TargetFit.NONE || (c.bound && !explicitEnough(tokens, first, rule, form))) {
			return null;
		}
		int windowStart = (form == ActionRules.Form.GERUND && isAdjunct(tokens, first)) ? first - 1
				: c.clauses.readingStart(first);
		// A nominal act may be denied after it: "recognition of the Taliban was not on
		// the table".
		boolean deniedAfter = form == ActionRules.Form.NOUN
				&& (negated(c, last + 1, clauseEnd) || this.cues.any(Cues.SPECULATION, tokens, last + 1, clauseEnd));
		if (deniedAfter || negated(c, windowStart, first) || this.cues.any(Cues.SPECULATION, tokens, windowStart, first)
				|| this.cues.any(Cues.STATIVE, tokens, windowStart, first)
				|| this.cues.any(Cues.CONDITION, tokens, last + 1, tokens.size()) || isQuestion(tokens)) {
			return null;
		}
		boolean intended = this.cues.any(Cues.INTENT, tokens, windowStart, first)
				|| this.cues.any(Cues.INTENT_AFTER, tokens, last + 1, clauseEnd);
		boolean pastContext = this.cues.any(Cues.BACKGROUND, tokens, clauseStart, clauseEnd)
				|| (!c.clauses.isReported(first) && hadBefore(tokens, clauseStart, first));
		double confidence = rule.confidence() - actors.penalty - ((targetFit == TargetFit.ANAPHOR) ? 0.1 : 0)
				- (c.bound ? BOUND_PENALTY : 0) - ((form == ActionRules.Form.NOUN) ? 0.1 : 0);
		return new Finding(rule.action(), actors.codes, intended ? Status.INTENDED : Status.COMPLETED,
				Math.max(0.05, Math.min(0.99, confidence)), c.sentence, tokens.get(first).start(),
				tokens.get(windowStart).start(), tokens.get(clauseEnd - 1).end(), pastContext);
	}

	private boolean negated(Context c, int from, int to) {
		return this.contrasts.negated(c.tokens, c.mentions, from, to);
	}

	private boolean isContrasted(Context c, Mention m) {
		return this.contrasts.isSetAside(c.tokens, c.mentions, m);
	}

	/**
	 * Formal recognition read through a bound sentence needs the verb itself ("later
	 * recognised"), never a noun or a looser phrase ("recognition would follow").
	 */
	private static boolean explicitEnough(List<Token> tokens, int first, ActionRule rule, ActionRules.Form form) {
		return rule.action() != Action.RECOGNIZE_GOVERNMENT
				|| (form != ActionRules.Form.NOUN && tokens.get(first).lower().startsWith("recogni"));
	}

	// --- who acts ---

	private @Nullable Actors activeSubject(Context c, int first, ActionRules.Form form, int clauseStart) {
		List<Token> tokens = c.tokens;
		boolean afterPreposition = form == ActionRules.Form.GERUND && first > 0
				&& (this.cues.is(Cues.OBJECT_PREPOSITION, tokens.get(first - 1)) || tokens.get(first - 1).is("by"));
		boolean adjunct = form == ActionRules.Form.GERUND && isAdjunct(tokens, first);
		if (first >= 2 && tokens.get(first - 1).norm().equals("-")) {
			// "the Taliban-appointed ambassador": the name before the hyphen acts.
			for (Mention m : c.mentions) {
				if (m.last() == first - 2) {
					return actorsOf(c, List.of(m), 0.1);
				}
			}
		}
		Mention antecedent = c.clauses.antecedent(first);
		if (adjunct && antecedent != null) {
			return actorsOf(c, group(c.tokens, c.mentions, antecedent), 0);
		}
		List<Mention> inClause = c.mentions.stream()
			.filter((m) -> m.first() >= clauseStart && m.last() < first)
			.filter((m) -> m.kind() != Mention.Kind.TARGET_PRONOUN)
			.filter((m) -> !isObject(tokens, m) && !isContrasted(c, m))
			.toList();
		if (!inClause.isEmpty()) {
			// "by recognising": the clause's subject acts; "thanked Russia for
			// recognising": its
			// object; "visited Kabul and signed": the subject of the first verb.
			// "joined Russia in recognising": the subject of "joined" acts, as with "by".
			boolean mainSubject = adjunct
					|| (afterPreposition && (tokens.get(first - 1).is("by") || tokens.get(first - 1).is("in")))
					|| afterAnd(tokens, first);
			List<Mention> candidates = mainSubject ? inClause : outsideAside(tokens, inClause, first);
			Mention subject = mainSubject ? inClause.get(0) : candidates.get(candidates.size() - 1);
			Mention compared = comparedWith(c, subject, first);
			return actorsOf(c,
					withCompanions(c, group(c.tokens, c.mentions, (compared != null) ? compared : subject), first), 0);
		}
		if (antecedent != null) {
			return actorsOf(c, group(c.tokens, c.mentions, antecedent), 0);
		}
		Mention previous = continuedSubject(c, first, clauseStart);
		if (previous != null) {
			return actorsOf(c, group(c.tokens, c.mentions, previous), 0.05);
		}
		if (form == ActionRules.Form.GERUND && first == clauseStart && clauseStart > 0) {
			// "..., the ministry said after recognising the Islamic Emirate": the main
			// clause acts.
			List<Mention> before = c.mentions.stream()
				.filter((m) -> m.last() < clauseStart && m.kind() != Mention.Kind.TARGET_PRONOUN)
				.filter((m) -> !isObject(tokens, m))
				.toList();
			if (!before.isEmpty()) {
				return actorsOf(c, group(c.tokens, c.mentions, before.get(before.size() - 1)), 0.1);
			}
		}
		if (c.clauses.isReported(first)) {
			int outer = c.clauses.readingStart(first);
			List<Mention> speaker = c.mentions.stream()
				.filter((m) -> m.first() >= outer && m.last() < clauseStart)
				.filter((m) -> m.kind() != Mention.Kind.TARGET_PRONOUN && !isObject(tokens, m))
				.toList();
			if (!speaker.isEmpty()) {
				return actorsOf(c, group(c.tokens, c.mentions, speaker.get(speaker.size() - 1)), 0.25);
			}
		}
		return null;
	}

	/**
	 * "Uzbekistan, along with Kazakhstan, has removed ...": states joined to the subject
	 * by "along with", "together with" or "as well as" act with it.
	 */
	private List<Mention> withCompanions(Context c, List<Mention> group, int first) {
		List<Token> tokens = c.tokens;
		int k = group.get(group.size() - 1).last() + 1;
		if (k < first && tokens.get(k).norm().equals(",")) {
			k++;
		}
		boolean joined = k + 1 < first
				&& ((tokens.get(k).is("along") || tokens.get(k).is("together")) && tokens.get(k + 1).is("with")
						|| (k + 2 < first && tokens.get(k).is("as") && tokens.get(k + 1).is("well")
								&& tokens.get(k + 2).is("as")));
		if (!joined) {
			return group;
		}
		Mention companion = mentionStartingAt(c.mentions, tokens.get(k).is("as") ? k + 3 : k + 2);
		if (companion == null || !companion.isState() || companion.last() >= first) {
			return group;
		}
		List<Mention> joinedGroup = new ArrayList<>(group);
		for (Mention m : groupForward(c.mentions, companion, tokens)) {
			if (m.last() < first && !joinedGroup.contains(m)) {
				joinedGroup.add(m);
			}
		}
		return joinedGroup;
	}

	/**
	 * "Russia not only accepted ... but also raised ...", "..., and later lifted ...": a
	 * verb that opens a clause after "but" or "and" with no subject of its own has the
	 * subject of the clause before. Returns that subject, or null.
	 */
	private @Nullable Mention continuedSubject(Context c, int first, int clauseStart) {
		List<Token> tokens = c.tokens;
		if (clauseStart < 1 || !(tokens.get(clauseStart - 1).is("but") || tokens.get(clauseStart - 1).is("and"))) {
			return null;
		}
		for (int k = clauseStart; k < first; k++) {
			String word = tokens.get(k).lower();
			if (!(word.endsWith("ly") || AND_SKIPPABLE.contains(word))) {
				return null;
			}
		}
		int previousStart = c.clauses.start(clauseStart - 1);
		for (Mention m : c.mentions) {
			if (m.first() >= previousStart && m.last() < clauseStart - 1 && m.isState() && !isObject(tokens, m)
					&& !isContrasted(c, m)) {
				return m;
			}
		}
		return null;
	}

	/**
	 * "the second country after Russia to recognise": a state named after "after" (or
	 * "before", "following", "besides") right before an infinitive is a point of
	 * comparison; the subject before it acts. Returns that subject, or null.
	 */
	private @Nullable Mention comparedWith(Context c, Mention subject, int first) {
		List<Token> tokens = c.tokens;
		int p = subject.first() - 1;
		if (first < 1 || !tokens.get(first - 1).is("to") || p < 1 || !COMPARISON.contains(tokens.get(p).lower())) {
			return null;
		}
		Mention outer = null;
		for (Mention m : c.mentions) {
			if (m.last() < p && (m.isState() || m.kind() == Mention.Kind.STATE_PRONOUN) && !isObject(tokens, m)) {
				outer = m;
			}
		}
		return outer;
	}

	/**
	 * ", speaking alongside his Pakistani counterpart, condemned": states named in an
	 * aside between the subject and its verb do not act; the subject comes before it.
	 */
	private static List<Mention> outsideAside(List<Token> tokens, List<Mention> inClause, int first) {
		int p = first - 1;
		while (p >= 0 && (tokens.get(p).lower().endsWith("ly") || AND_SKIPPABLE.contains(tokens.get(p).lower()))) {
			p--;
		}
		if (p < 1 || !tokens.get(p).norm().equals(",")) {
			return inClause;
		}
		int open = p - 1;
		while (open >= 0 && !tokens.get(open).norm().equals(",")) {
			open--;
		}
		int asideStart = open;
		List<Mention> before = inClause.stream().filter((m) -> m.last() < asideStart).toList();
		return (open < 0 || before.isEmpty()) ? inClause : before;
	}

	/**
	 * "... and signed", "... and has also accepted": a second verb of the same subject.
	 */
	private static boolean afterAnd(List<Token> tokens, int first) {
		int p = first - 1;
		while (p >= 0 && (tokens.get(p).lower().endsWith("ly") || AND_SKIPPABLE.contains(tokens.get(p).lower()))) {
			p--;
		}
		return p >= 0 && tokens.get(p).is("and");
	}

	/**
	 * ", even applauding ...", ", viewing them as ...": a participle hanging on the
	 * clause.
	 */
	private static boolean isAdjunct(List<Token> tokens, int first) {
		int p = first - 1;
		if (p >= 0 && (tokens.get(p).is("even") || tokens.get(p).is("also") || tokens.get(p).is("thereby"))) {
			p--;
		}
		return p >= 0 && tokens.get(p).norm().equals(",");
	}

	private @Nullable Actors passiveActor(Context c, int first, int last, int clauseStart, int clauseEnd) {
		List<Token> tokens = c.tokens;
		for (int k = last + 1; k < Math.min(clauseEnd, last + AGENT_REACH); k++) {
			if (tokens.get(k).norm().equals(",")) {
				break;
			}
			if (tokens.get(k).is("by")) {
				Mention agent = mentionStartingAt(c.mentions, k + 1);
				if (agent != null) {
					return actorsOf(c, groupForward(c.mentions, agent, tokens), 0.05);
				}
				break;
			}
		}
		for (Mention m : c.mentions) {
			if (m.first() > last && m.first() < Math.min(clauseEnd, last + AGENT_REACH) && m.isState()
					&& qualifiesNoun(tokens, m)) {
				return new Actors(List.of(m.code()), 0.15, false);
			}
		}
		for (Mention m : c.mentions) {
			if ((m.last() < clauseStart || m.first() >= clauseEnd) && m.isState() && !isObject(tokens, m)) {
				return new Actors(List.of(m.code()), 0.3, false);
			}
		}
		return null;
	}

	private @Nullable Actors nominalActor(Context c, int first, int last, int clauseStart, int clauseEnd) {
		List<Token> tokens = c.tokens;
		for (Mention m : c.mentions) {
			if (m.last() < first && m.last() >= first - 3 && m.isState()
					&& onlyModifiersBetween(tokens, m.last() + 1, first)) {
				return new Actors(List.of(m.code()), 0, false);
			}
		}
		for (int k = last + 1; k < Math.min(clauseEnd, last + NOMINAL_AGENT_REACH); k++) {
			if (tokens.get(k).is("by")) {
				Mention agent = mentionStartingAt(c.mentions, k + 1);
				if (agent != null) {
					return actorsOf(c, groupForward(c.mentions, agent, tokens), 0);
				}
			}
		}
		int p = first - 1;
		while (p > clauseStart && p >= first - 4 && !this.cues.is(Cues.NOMINAL_VERB, tokens.get(p))) {
			p--;
		}
		if (p >= 0 && this.cues.is(Cues.NOMINAL_VERB, tokens.get(p)) && onlyModifiersBetween(tokens, p + 1, first)) {
			return activeSubject(c, p, ActionRules.Form.PAST_OR_PARTICIPLE, c.clauses.start(p));
		}
		return null;
	}

	private Actors recipient(Context c, int last, int clauseEnd) {
		for (int k = last + 1; k < Math.min(clauseEnd, last + AGENT_REACH); k++) {
			if (c.tokens.get(k).is("to")) {
				Mention m = mentionStartingAt(c.mentions, k + 1);
				if (m != null) {
					return actorsOf(c, groupForward(c.mentions, m, c.tokens), 0.05);
				}
			}
		}
		return new Actors(List.of(), 0, false);
	}

	private Actors withPartner(Context c, int last, int clauseEnd) {
		for (int k = last + 1; k < clauseEnd; k++) {
			if (c.tokens.get(k).is("with")) {
				Mention m = mentionStartingAt(c.mentions, k + 1);
				if (m != null) {
					return actorsOf(c, groupForward(c.mentions, m, c.tokens), 0.05);
				}
			}
		}
		return new Actors(List.of(), 0, true);
	}

	private Actors actorsOf(Context c, List<Mention> group, double penalty) {
		Set<String> codes = new LinkedHashSet<>();
		double extra = 0;
		boolean target = false;
		for (Mention m : group) {
			switch (m.kind()) {
				case STATE -> codes.add(m.code());
				case STATE_PRONOUN -> {
					List<String> resolved = resolvePronoun(c, m);
					codes.addAll(resolved);
					extra = 0.05;
				}
				case OTHER -> {
					if (c.tokens.get(m.first()).is("they")) {
						codes.addAll(resolvePlural(c, m));
						extra = 0.1;
					}
				}
				case TARGET, TARGET_ANAPHOR -> target = true;
				default -> {
				}
			}
		}
		codes.remove(this.target.code());
		return new Actors(List.copyOf(codes), penalty + extra, target);
	}

	/**
	 * "they" stands for states named together before it ("Germany and Canada said they
	 * would ...").
	 */
	private List<String> resolvePlural(Context c, Mention pronoun) {
		for (int k = c.mentions.indexOf(pronoun) - 1; k >= 0; k--) {
			Mention m = c.mentions.get(k);
			if (m.isState() && !isObject(c.tokens, m)) {
				List<Mention> group = group(c.tokens, c.mentions, m);
				return (group.size() > 1) ? actorsOf(c, group, 0).codes : List.of();
			}
		}
		return List.of();
	}

	/**
	 * "it" and "we" stand for the nearest state acting before them, or the last
	 * sentence's.
	 */
	private List<String> resolvePronoun(Context c, Mention pronoun) {
		int index = c.mentions.indexOf(pronoun);
		for (int k = index - 1; k >= 0; k--) {
			Mention m = c.mentions.get(k);
			if (m.isState() && !isObject(c.tokens, m)) {
				return List.of(m.code());
			}
		}
		// A quote before its attribution: "We have decided ...," the Kazakh foreign
		// ministry said.
		for (int k = index + 1; k < c.mentions.size(); k++) {
			Mention m = c.mentions.get(k);
			if (m.isState() && !isObject(c.tokens, m) && nearReporting(c.tokens, m)) {
				return List.of(m.code());
			}
		}
		return c.state.lastSubject;
	}

	private boolean nearReporting(List<Token> tokens, Mention m) {
		for (int k = Math.max(0, m.first() - 3); k <= Math.min(tokens.size() - 1, m.last() + 6); k++) {
			if (this.cues.at(Cues.REPORTING, tokens, k) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The states listed with {@code last}, up to it. "After talks with Pakistan,
	 * Uzbekistan signed": a comma alone does not join the object of a preposition to the
	 * subject after it.
	 */
	private List<Mention> group(List<Token> tokens, List<Mention> mentions, Mention last) {
		List<Mention> group = new ArrayList<>();
		group.add(last);
		int index = mentions.indexOf(last);
		while (index > 0 && coordinated(tokens, mentions.get(index - 1), mentions.get(index))
				&& !(isObject(tokens, mentions.get(index - 1)) && !isObject(tokens, mentions.get(index))
						&& mentions.get(index).first() - mentions.get(index - 1).last() == 2
						&& tokens.get(mentions.get(index - 1).last() + 1).norm().equals(","))) {
			index--;
			group.add(0, mentions.get(index));
		}
		return group;
	}

	private static List<Mention> groupForward(List<Mention> mentions, Mention head, List<Token> tokens) {
		List<Mention> group = new ArrayList<>();
		group.add(head);
		int index = mentions.indexOf(head);
		while (index + 1 < mentions.size() && coordinated(tokens, mentions.get(index), mentions.get(index + 1))) {
			index++;
			group.add(mentions.get(index));
		}
		return group;
	}

	/**
	 * "China, Pakistan, the UAE and Uzbekistan": joined by commas and "and" only, or "not
	 * only China but also Pakistan".
	 */
	private static boolean coordinated(List<Token> tokens, Mention left, Mention right) {
		if (right.first() <= left.last() + 1) {
			return false;
		}
		if (tokens.get(left.last() + 1).is("but") && afterNotOnly(tokens, left)) {
			int k = left.last() + 2;
			if (k < right.first() && tokens.get(k).is("also")) {
				k++;
			}
			return k == right.first() || (k + 1 == right.first() && tokens.get(k).is("the"));
		}
		for (int k = left.last() + 1; k < right.first(); k++) {
			if (!COORDINATION.contains(tokens.get(k).lower())) {
				return false;
			}
		}
		return true;
	}

	/** Whether "not only" comes right before the mention. */
	private static boolean afterNotOnly(List<Token> tokens, Mention m) {
		int p = m.first() - 1;
		if (p >= 0 && tokens.get(p).is("the")) {
			p--;
		}
		return p >= 1 && tokens.get(p).is("only") && tokens.get(p - 1).is("not");
	}

	private static @Nullable Mention mentionStartingAt(List<Mention> mentions, int index) {
		for (Mention m : mentions) {
			if (m.first() == index || (m.first() == index + 1)) {
				return m;
			}
		}
		return null;
	}

	/**
	 * Whether a mention is a place or an object: "in Moscow", "with Afghanistan's
	 * rulers".
	 */
	private boolean isObject(List<Token> tokens, Mention m) {
		int p = m.first() - 1;
		if (p >= 0 && tokens.get(p).is("the")) {
			p--;
		}
		return p >= 0 && this.cues.is(Cues.OBJECT_PREPOSITION, tokens.get(p)) && !opensAsInstitution(tokens, p);
	}

	/**
	 * "A court in Kazakhstan struck ...", "The government of Kazakhstan removed ...",
	 * "Officials in Tashkent said ...": the state an institution opening the sentence
	 * belongs to is its subject, not a place.
	 */
	private boolean opensAsInstitution(List<Token> tokens, int preposition) {
		return (tokens.get(preposition).is("in") || tokens.get(preposition).is("of")) && preposition >= 1
				&& preposition <= 3 && this.cues.is(Cues.STATE_INSTITUTION, tokens.get(preposition - 1))
				&& (preposition == 1 || this.cues.is(Cues.DETERMINER, tokens.get(0)));
	}

	/** "Russia's terror blacklist", "the Russian list": a state qualifying a noun. */
	private static boolean qualifiesNoun(List<Token> tokens, Mention m) {
		if (tokens.get(m.last()).is("'s")) {
			return true;
		}
		return m.last() + 1 < tokens.size() && tokens.get(m.last() + 1).isWord()
				&& !tokens.get(m.last() + 1).isCapitalized();
	}

	private boolean onlyModifiersBetween(List<Token> tokens, int from, int to) {
		for (int k = from; k < to; k++) {
			Token t = tokens.get(k);
			if (!t.isWord() || t.isCapitalized() && k > 0 || (this.cues.is(Cues.DETERMINER, t) && !t.is("'s"))) {
				return false;
			}
		}
		return true;
	}

	private static boolean beBefore(List<Token> tokens, int first, int clauseStart) {
		for (int k = first - 1; k >= Math.max(clauseStart, first - 4); k--) {
			if (BE.contains(tokens.get(k).lower())) {
				return true;
			}
		}
		return false;
	}

	private static boolean byAfter(List<Token> tokens, int last) {
		int k = last + 1;
		while (k < tokens.size() && tokens.get(k).lower().endsWith("ly")) {
			k++;
		}
		return k < tokens.size() && tokens.get(k).is("by");
	}

	private static boolean hadBefore(List<Token> tokens, int clauseStart, int first) {
		for (int k = Math.max(clauseStart, first - 3); k < first; k++) {
			if (tokens.get(k).is("had")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isQuestion(List<Token> tokens) {
		return tokens.get(tokens.size() - 1).norm().equals("?");
	}

	// --- what is acted on ---

	private TargetFit targetFit(Context c, int first, int last, int clauseStart, int clauseEnd, ActionRule rule,
			ActionRules.Form form, boolean passive, Actors actors) {
		int from;
		int to;
		if (rule.objectIsTarget()) {
			if (passive) {
				from = clauseStart;
				to = first;
			}
			else {
				from = last + 1;
				to = Math.min(clauseEnd, last + 1 + OBJECT_REACH);
			}
		}
		else if (passive) {
			from = 0;
			to = c.tokens.size();
		}
		else {
			// An aside ("on what it said were ... in Paktika") may end the clause before
			// its object.
			from = clauseStart;
			to = Math.max(clauseEnd, Math.min(c.tokens.size(), last + 1 + OBJECT_SPAN));
		}
		TargetFit best = actors.blockedByTarget ? TargetFit.NAMED : TargetFit.NONE;
		for (Mention m : c.mentions) {
			if (m.first() < from || m.first() >= to) {
				continue;
			}
			if (rule.objectIsTarget() && !passive && !rule.objectMayBePlace()
					&& prepositionBetween(c.tokens, last + 1, m.first(), form == ActionRules.Form.NOUN)) {
				return best;
			}
			if (rule.objectIsTarget() && passive && m.first() > from + 1) {
				// "The recognition of the Taliban by Russia was praised": the act is
				// praised, not the government named inside it.
				return best;
			}
			if (rule.objectIsTarget() && m.isState()) {
				// Another state is the object ("praised Russia for ...", "condemned
				// Russia's
				// recognition of ...") or, passive, the subject ("Russia's decision was
				// criticised").
				return best;
			}
			if (!m.isTarget() && m.kind() != Mention.Kind.TARGET_PRONOUN) {
				continue;
			}
			if (m.kind() == Mention.Kind.TARGET) {
				return TargetFit.NAMED;
			}
			if (c.state.targetNamed || namedBefore(c.mentions, m)) {
				best = (best == TargetFit.NAMED) ? best : TargetFit.ANAPHOR;
			}
		}
		// The government the previous sentence named, when nothing here names it; an act
		// aimed at it directly (praise, recognition) must name it.
		return (best == TargetFit.NONE && c.impliedTarget && !rule.objectIsTarget()) ? TargetFit.ANAPHOR : best;
	}

	/**
	 * A preposition other than "of" and "to" between the verb and a mention; a noun also
	 * takes its object with "for" ("praise for the Taliban").
	 */
	private boolean prepositionBetween(List<Token> tokens, int from, int to, boolean noun) {
		for (int k = from; k < to; k++) {
			Token t = tokens.get(k);
			if (this.cues.is(Cues.OBJECT_PREPOSITION, t) && !t.is("of") && !t.is("to") && !(noun && t.is("for"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean namedBefore(List<Mention> mentions, Mention anaphor) {
		return mentions.stream().anyMatch((m) -> m.kind() == Mention.Kind.TARGET && m.first() < anaphor.first());
	}

	/**
	 * Whether the first state or government named (not as an object) is the government.
	 */
	private boolean opensWithTarget(List<Mention> mentions, List<Token> tokens) {
		for (Mention m : mentions) {
			if ((m.isState() || m.kind() == Mention.Kind.TARGET) && !isObject(tokens, m)) {
				return m.kind() == Mention.Kind.TARGET;
			}
		}
		return false;
	}

	private List<String> firstStates(List<Mention> mentions, List<Token> tokens) {
		for (Mention m : mentions) {
			if (m.isState() && !isObject(tokens, m)) {
				return List.of(m.code());
			}
		}
		return List.of();
	}

	private enum TargetFit {

		NONE, ANAPHOR, NAMED

	}

	private record Candidate(ActionRule rule, ActionRules.Form form, int fit) {

	}

	private record Actors(List<String> codes, double penalty, boolean blockedByTarget) {

	}

	/** Everything about the sentence being read. */
	private final class Context {

		final String text;

		final Sentence sentence;

		final List<Token> tokens;

		final List<Mention> mentions;

		final Clauses clauses;

		final ArticleState state;

		/** Whether the subject or the government was bound from the previous sentence. */
		final boolean bound;

		/** Whether the government is understood from the previous sentence. */
		final boolean impliedTarget;

		Context(String text, Sentence sentence, List<Token> tokens, List<Mention> mentions, Clauses clauses,
				ArticleState state, boolean bound, boolean impliedTarget) {
			this.text = text;
			this.sentence = sentence;
			this.tokens = tokens;
			this.mentions = mentions;
			this.clauses = clauses;
			this.state = state;
			this.bound = bound;
			this.impliedTarget = impliedTarget;
		}

	}

	/**
	 * Where clauses start: after ";" and dashes, after reporting verbs ("said that"), at
	 * subordinators and coordinators, and at ", which" (whose antecedent is the mention
	 * before the comma). A sentence that opens with a subordinator ("Although ...,")
	 * closes that clause at the first comma.
	 */
	private final class Clauses {

		private final boolean[] starts;

		private final boolean[] reported;

		private final @Nullable Mention[] antecedents;

		private final int size;

		Clauses(List<Token> tokens, List<Mention> mentions) {
			this.size = tokens.size();
			this.starts = new boolean[this.size + 1];
			this.reported = new boolean[this.size + 1];
			this.antecedents = new Mention[this.size + 1];
			this.starts[0] = true;
			for (int i = 0; i < this.size; i++) {
				Token t = tokens.get(i);
				if (HARD_BOUNDARIES.contains(t.norm())) {
					this.starts[i + 1] = true;
				}
				int reporting = SentenceReader.this.cues.at(Cues.REPORTING, tokens, i);
				if (reporting >= 0 && reporting + 1 < this.size
						&& isTransitiveUse(tokens.get(i), tokens.get(reporting + 1))) {
					reporting = -1;
				}
				if (reporting >= 0) {
					int start = reporting + 1;
					for (int k = reporting + 1; k < Math.min(this.size, reporting + 5); k++) {
						if (tokens.get(k).is("that")) {
							start = k + 1;
							break;
						}
						if (!tokens.get(k).isWord()) {
							break;
						}
					}
					this.starts[start] = true;
					this.reported[start] = true;
				}
				if (t.norm().equals(",") && i + 2 < this.size && tokens.get(i + 1).is("and")
						&& !isListItem(mentions, i + 2)) {
					// ", and China appointed ...": a clause of its own, with its own
					// dates.
					this.starts[i + 2] = true;
				}
				int coordinator = SentenceReader.this.cues.at(Cues.COORDINATOR, tokens, i);
				if (coordinator >= 0 && i > 0 && !closesNotOnly(tokens, mentions, i)
						&& !opensContrast(tokens, mentions, coordinator + 1)) {
					this.starts[coordinator + 1] = true;
				}
				int subordinator = SentenceReader.this.cues.at(Cues.SUBORDINATOR, tokens, i);
				if (subordinator >= 0) {
					this.starts[subordinator + 1] = true;
					if (isFirstWord(tokens, i)) {
						for (int k = subordinator + 1; k < this.size; k++) {
							if (tokens.get(k).norm().equals(",")) {
								this.starts[k + 1] = true;
								break;
							}
						}
					}
				}
				if (t.norm().equals(",") && i + 1 < this.size
						&& (tokens.get(i + 1).is("which") || tokens.get(i + 1).is("who"))) {
					this.starts[i + 1] = true;
					for (Mention m : mentions) {
						if (m.last() == i - 1) {
							this.antecedents[i + 1] = m;
						}
					}
				}
			}
		}

		/**
		 * "Not only Uzbekistan but also Kazakhstan has": one subject of two states, not a
		 * new clause.
		 */
		private static boolean closesNotOnly(List<Token> tokens, List<Mention> mentions, int but) {
			for (Mention m : mentions) {
				if (m.last() == but - 1 && afterNotOnly(tokens, m)) {
					return true;
				}
			}
			return false;
		}

		/** ", but not China,": an aside setting a state apart, not a new clause. */
		private static boolean opensContrast(List<Token> tokens, List<Mention> mentions, int next) {
			if (next >= tokens.size() || !tokens.get(next).is("not")) {
				return false;
			}
			for (Mention m : mentions) {
				if ((m.first() == next + 1 || (m.first() == next + 2 && tokens.get(next + 1).is("the")))
						&& m.last() + 1 < tokens.size() && tokens.get(m.last() + 1).norm().equals(",")) {
					return true;
				}
			}
			return false;
		}

		/** ", and Uzbekistan have": the last of a list of states, not a new clause. */
		private static boolean isListItem(List<Mention> mentions, int index) {
			boolean next = false;
			boolean previous = false;
			for (Mention m : mentions) {
				next |= m.first() == index || m.first() == index + 1;
				previous |= m.last() == index - 3;
			}
			return next && previous;
		}

		/**
		 * "added to the list", "announced its decision": a verb with an object, not a
		 * report.
		 */
		private static boolean isTransitiveUse(Token verb, Token next) {
			if (verb.is("said") || verb.is("says") || verb.is("say")) {
				// "said its forces had struck": "said" reports whatever follows.
				return next.is("to");
			}
			return next.is("to") || next.is("by") || next.is("its") || next.is("their") || next.is("his")
					|| next.is("her");
		}

		private static boolean isFirstWord(List<Token> tokens, int i) {
			for (int k = 0; k < i; k++) {
				if (tokens.get(k).isWord()) {
					return false;
				}
			}
			return true;
		}

		int start(int token) {
			int k = token;
			while (k > 0 && !this.starts[k]) {
				k--;
			}
			return k;
		}

		int end(int token) {
			int k = token + 1;
			while (k < this.size && !this.starts[k]) {
				k++;
			}
			return k;
		}

		/**
		 * Where the clause of an act word ends. A word that also reports ("announced
		 * sanctions", "declared the Taliban a terrorist group") opened a clause after
		 * itself: its object is there.
		 */
		int actEnd(int first, int last) {
			int end = end(first);
			if (end == last + 1 && last + 1 < this.size && this.reported[last + 1]) {
				return end(last + 1);
			}
			return end;
		}

		boolean isReported(int token) {
			return this.reported[start(token)];
		}

		@Nullable Mention antecedent(int token) {
			return this.antecedents[start(token)];
		}

		/**
		 * Where to look for negation, doubt and intent: the clause, with the reporting
		 * clause before it ("denied that it had ...") and a subordinator ("if").
		 */
		int readingStart(int token) {
			int start = start(token);
			if (this.reported[start] && start > 0) {
				return start(start - 1);
			}
			return (start > 0) ? start - 1 : start;
		}

	}

}
