package org.stancewatch.extract.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;

/**
 * The rules of {@code actions.txt} and an index of every verb and noun form they name.
 */
final class ActionRules {

	private final List<ActionRule> rules;

	private final PhraseIndex<List<Hit>> forms = new PhraseIndex<>(true);

	private ActionRules(List<ActionRule> rules, Map<String, String[]> irregular) {
		this.rules = List.copyOf(rules);
		Map<String, List<Hit>> hits = new LinkedHashMap<>();
		for (ActionRule rule : rules) {
			for (String verb : rule.verbs()) {
				for (Map.Entry<String, Form> form : Inflector.forms(verb, irregular).entrySet()) {
					hits.computeIfAbsent(form.getKey(), (k) -> new ArrayList<>()).add(new Hit(rule, form.getValue()));
				}
			}
			for (String noun : rule.nouns()) {
				hits.computeIfAbsent(noun, (k) -> new ArrayList<>()).add(new Hit(rule, Form.NOUN));
				hits.computeIfAbsent(Inflector.plural(noun), (k) -> new ArrayList<>()).add(new Hit(rule, Form.NOUN));
			}
		}
		hits.forEach((phrase, list) -> this.forms.add(phrase, List.copyOf(list)));
	}

	List<ActionRule> rules() {
		return this.rules;
	}

	/** The rule words starting at {@code index}: the hits and the last token, or null. */
	PhraseIndex.@Nullable Match<List<Hit>> at(List<Token> tokens, int index) {
		return this.forms.match(tokens, index);
	}

	static ActionRules parse(String content) {
		List<ActionRule> rules = new ArrayList<>();
		Map<String, String[]> irregular = new HashMap<>();
		String section = null;
		Map<String, List<String>> block = new HashMap<>();
		int lineNumber = 0;
		for (String raw : (content + "\n[end]").split("\n")) {
			lineNumber++;
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				if (section != null && !"irregular".equals(section)) {
					rules.add(rule(section, block, lineNumber));
				}
				section = line.substring(1, line.length() - 1);
				block = new HashMap<>();
				continue;
			}
			if (section == null) {
				throw new IllegalArgumentException("actions.txt line " + lineNumber + ": outside any [ACTION] block");
			}
			if ("irregular".equals(section)) {
				String[] parts = split(line);
				if (parts.length != 3) {
					throw new IllegalArgumentException(
							"actions.txt line " + lineNumber + ": irregular verbs are 'lemma | past | participle'");
				}
				irregular.put(parts[0], new String[] { parts[1], parts[2] });
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("actions.txt line " + lineNumber + ": expected 'key: value'");
			}
			block.computeIfAbsent(line.substring(0, colon).strip(), (k) -> new ArrayList<>())
				.add(line.substring(colon + 1).strip());
		}
		return new ActionRules(rules, irregular);
	}

	private static ActionRule rule(String section, Map<String, List<String>> block, int lineNumber) {
		Action action;
		try {
			action = Action.valueOf(section);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"actions.txt before line " + lineNumber + ": [" + section + "] is not an action of the vocabulary");
		}
		List<String> verbs = words(block.get("verbs"));
		List<String> nouns = words(block.get("nouns"));
		if (verbs.isEmpty() && nouns.isEmpty()) {
			throw new IllegalArgumentException("actions.txt [" + section + "] names no verbs or nouns");
		}
		List<Pattern> needs = new ArrayList<>();
		for (String need : block.getOrDefault("needs", List.of())) {
			needs.add(compile(section, need));
		}
		List<String> unless = block.getOrDefault("unless", List.of());
		String object = single(block, "object", "");
		String actor = single(block, "actor", "subject");
		return new ActionRule(action, verbs, nouns, needs,
				unless.isEmpty() ? null : compile(section, String.join("|", unless)),
				"target".equals(object) || "place".equals(object), "place".equals(object),
				ActionRule.ActorMode.valueOf(actor.toUpperCase(Locale.ROOT)),
				Double.parseDouble(single(block, "confidence", "0.85")));
	}

	private static String single(Map<String, List<String>> block, String key, String fallback) {
		List<String> values = block.getOrDefault(key, List.of());
		return values.isEmpty() ? fallback : values.get(values.size() - 1);
	}

	private static Pattern compile(String section, String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("actions.txt [" + section + "]: bad expression '" + regex + "'", ex);
		}
	}

	private static List<String> words(@Nullable List<String> lines) {
		List<String> words = new ArrayList<>();
		if (lines != null) {
			for (String line : lines) {
				words.addAll(List.of(split(line)));
			}
		}
		return words;
	}

	private static String[] split(String line) {
		return java.util.Arrays.stream(line.split("\\|"))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.toArray(String[]::new);
	}

	/** A rule word found in a sentence and the grammatical form it was found in. */
	record Hit(ActionRule rule, Form form) {

	}

	/** The form a rule word takes. */
	enum Form {

		/** "recognise", "recognises". */
		PRESENT,
		/** "recognised": simple past or participle. */
		PAST_OR_PARTICIPLE,
		/** "froze". */
		PAST,
		/** "frozen". */
		PARTICIPLE,
		/** "recognising". */
		GERUND,
		/** "recognition". */
		NOUN;

		boolean mayBePassive() {
			return this == PAST_OR_PARTICIPLE || this == PARTICIPLE;
		}

	}

}
