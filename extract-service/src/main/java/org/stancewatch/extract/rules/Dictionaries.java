package org.stancewatch.extract.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The dictionaries and rules the engine reads with, parsed once from the text files under
 * {@code rules/} on the classpath: {@code actors.txt}, {@code people.txt},
 * {@code nonstate.txt}, {@code cues.txt}, {@code actions.txt}, {@code watch.txt} and one
 * {@code targets/<CODE>.txt} per watched government. Immutable, so one instance serves
 * every thread.
 */
public final class Dictionaries {

	/** The files every rule set has, relative to the rules directory. */
	public static final List<String> FILES = List.of("actors.txt", "people.txt", "nonstate.txt", "cues.txt",
			"actions.txt", "watch.txt");

	private static final String CLASSPATH_ROOT = "/rules/";

	final PhraseIndex<String> states;

	final PhraseIndex<String> nonState;

	final Cues cues;

	final ActionRules actions;

	final List<TargetLexicon> targets;

	/**
	 * Every word (lower case) a mention can start with: a state, a non-state actor, a
	 * watched government's name or anaphor, a pronoun. Any other word starts none, which
	 * spares most words of a text their dictionary lookups.
	 */
	private final Set<String> mentionStarts = new HashSet<>();

	private Dictionaries(PhraseIndex<String> states, PhraseIndex<String> nonState, Cues cues, ActionRules actions,
			List<TargetLexicon> targets) {
		this.states = states;
		this.nonState = nonState;
		this.cues = cues;
		this.actions = actions;
		this.targets = List.copyOf(targets);
		this.mentionStarts.addAll(states.firstWords());
		this.mentionStarts.addAll(nonState.firstWords());
		for (TargetLexicon target : targets) {
			this.mentionStarts.addAll(target.names().firstWords());
			this.mentionStarts.addAll(target.anaphors().firstWords());
		}
		this.mentionStarts.addAll(cues.firstWords(Cues.PRONOUN_STATE));
		this.mentionStarts.addAll(cues.firstWords(Cues.PRONOUN_OTHER));
	}

	/** Whether a mention may start with the token. */
	boolean mayStartMention(Token token) {
		return this.mentionStarts.contains(token.lower());
	}

	/** The rules shipped with stancewatch. */
	public static Dictionaries fromClasspath() {
		return load((name) -> null);
	}

	/**
	 * The shipped rules with some files replaced.
	 * @param override a file's content by its name relative to the rules directory (e.g.
	 * {@code targets/AF.txt}), or {@code null} to keep the shipped file
	 * @throws IllegalArgumentException naming the file and line that cannot be read
	 */
	public static Dictionaries load(Function<String, @Nullable String> override) {
		Function<String, String> read = (name) -> {
			String content = override.apply(name);
			return (content != null) ? content : classpath(name);
		};
		PhraseIndex<String> states = new PhraseIndex<>(false);
		readCodeLines("actors.txt", read.apply("actors.txt"), states);
		readCodeLines("people.txt", read.apply("people.txt"), states);
		PhraseIndex<String> nonState = new PhraseIndex<>(false);
		for (String line : lines(read.apply("nonstate.txt"))) {
			for (String name : line.split("\\|")) {
				if (!name.isBlank()) {
					nonState.add(name.strip(), "");
				}
			}
		}
		List<TargetLexicon> targets = new ArrayList<>();
		for (String code : lines(read.apply("watch.txt"))) {
			String file = "targets/" + code.strip() + ".txt";
			TargetLexicon target = TargetLexicon.parse(file, read.apply(file));
			if (!target.code().equals(code.strip())) {
				throw new IllegalArgumentException(file + ": its code is " + target.code() + ", not " + code);
			}
			targets.add(target);
		}
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("watch.txt names no government to watch");
		}
		return new Dictionaries(states, nonState, Cues.parse(read.apply("cues.txt")),
				ActionRules.parse(read.apply("actions.txt")), targets);
	}

	/** The codes of the watched governments. */
	public List<String> targetCodes() {
		return this.targets.stream().map(TargetLexicon::code).toList();
	}

	private static void readCodeLines(String file, String content, PhraseIndex<String> index) {
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (String line : lines(content)) {
			String[] parts = line.split("\\|");
			String code = parts[0].strip();
			if (!code.matches("[A-Z]{2}") || parts.length < 2) {
				throw new IllegalArgumentException(
						file + ": expected 'XX | name | name...' with an ISO 3166-1 alpha-2 code, got '" + line + "'");
			}
			seen.put(code, true);
			for (int i = 1; i < parts.length; i++) {
				if (!parts[i].isBlank()) {
					index.add(parts[i].strip(), code);
				}
			}
		}
	}

	private static List<String> lines(String content) {
		return content.lines().map(String::strip).filter((l) -> !l.isEmpty() && !l.startsWith("#")).toList();
	}

	private static String classpath(String name) {
		try (InputStream in = Dictionaries.class.getResourceAsStream(CLASSPATH_ROOT + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No rules file " + name + " (neither overridden nor shipped)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rules file " + name, ex);
		}
	}

}
