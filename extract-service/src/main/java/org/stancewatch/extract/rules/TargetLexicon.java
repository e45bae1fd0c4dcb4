package org.stancewatch.extract.rules;

/**
 * How the news names one watched government ({@code targets/<CODE>.txt}).
 *
 * @param code ISO 3166-1 alpha-2 code of the state it governs
 * @param names phrases naming it (case-sensitive)
 * @param anaphors phrases pointing back to it (case-insensitive), valid after a name
 */
record TargetLexicon(String code, PhraseIndex<String> names, PhraseIndex<String> anaphors) {

	static TargetLexicon parse(String fileName, String content) {
		String code = null;
		PhraseIndex<String> names = new PhraseIndex<>(false);
		PhraseIndex<String> anaphors = new PhraseIndex<>(true);
		int count = 0;
		for (String raw : content.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException(
						fileName + ": expected 'code:', 'names:', 'places:' or 'anaphors:' in '" + line + "'");
			}
			String key = line.substring(0, colon).strip();
			String value = line.substring(colon + 1).strip();
			switch (key) {
				case "code" -> code = value;
				case "names", "places" -> count += addAll(names, value);
				case "anaphors" -> addAll(anaphors, value);
				default -> throw new IllegalArgumentException(fileName + ": unknown key '" + key + "'");
			}
		}
		if (code == null || !code.matches("[A-Z]{2}")) {
			throw new IllegalArgumentException(fileName + ": needs a line 'code: XX' with an ISO 3166-1 alpha-2 code");
		}
		if (count == 0) {
			throw new IllegalArgumentException(fileName + ": names no way to refer to the government");
		}
		return new TargetLexicon(code, names, anaphors);
	}

	private static int addAll(PhraseIndex<String> index, String value) {
		int count = 0;
		for (String phrase : value.split("\\|")) {
			if (!phrase.isBlank()) {
				index.add(phrase.strip(), phrase.strip());
				count++;
			}
		}
		return count;
	}

}
