package org.stancewatch.extract.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every form of a verb lemma ("ban": ban, bans, banned, banning) so that an analyst lists
 * lemmas only. Regular English spelling rules, plus the irregular table of actions.txt; a
 * multi-word verb ("hand over") inflects its first word.
 */
final class Inflector {

	private Inflector() {
	}

	static Map<String, ActionRules.Form> forms(String lemma, Map<String, String[]> irregular) {
		String head = lemma;
		String rest = "";
		int space = lemma.indexOf(' ');
		if (space > 0) {
			head = lemma.substring(0, space);
			rest = lemma.substring(space);
		}
		Map<String, ActionRules.Form> forms = new LinkedHashMap<>();
		forms.put(head + rest, ActionRules.Form.PRESENT);
		forms.put(thirdPerson(head) + rest, ActionRules.Form.PRESENT);
		for (String ing : gerunds(head)) {
			forms.put(ing + rest, ActionRules.Form.GERUND);
		}
		String[] irregularForms = irregular.get(head);
		if (irregularForms != null) {
			if (irregularForms[0].equals(irregularForms[1])) {
				forms.put(irregularForms[0] + rest, ActionRules.Form.PAST_OR_PARTICIPLE);
			}
			else {
				forms.put(irregularForms[0] + rest, ActionRules.Form.PAST);
				forms.put(irregularForms[1] + rest, ActionRules.Form.PARTICIPLE);
			}
		}
		else {
			for (String ed : pasts(head)) {
				forms.put(ed + rest, ActionRules.Form.PAST_OR_PARTICIPLE);
			}
		}
		return forms;
	}

	static String plural(String noun) {
		return thirdPerson(noun);
	}

	private static String thirdPerson(String verb) {
		if (verb.endsWith("s") || verb.endsWith("x") || verb.endsWith("z") || verb.endsWith("ch")
				|| verb.endsWith("sh")) {
			return verb + "es";
		}
		if (endsWithConsonantY(verb)) {
			return verb.substring(0, verb.length() - 1) + "ies";
		}
		return verb + "s";
	}

	private static String[] pasts(String verb) {
		if (verb.endsWith("e")) {
			return new String[] { verb + "d" };
		}
		if (endsWithConsonantY(verb)) {
			return new String[] { verb.substring(0, verb.length() - 1) + "ied" };
		}
		if (doubles(verb)) {
			return new String[] { verb + "ed", verb + verb.charAt(verb.length() - 1) + "ed" };
		}
		return new String[] { verb + "ed" };
	}

	private static String[] gerunds(String verb) {
		if (verb.endsWith("ie")) {
			return new String[] { verb.substring(0, verb.length() - 2) + "ying" };
		}
		if (verb.endsWith("e") && !verb.endsWith("ee")) {
			return new String[] { verb.substring(0, verb.length() - 1) + "ing" };
		}
		if (doubles(verb)) {
			return new String[] { verb + "ing", verb + verb.charAt(verb.length() - 1) + "ing" };
		}
		return new String[] { verb + "ing" };
	}

	/**
	 * Consonant-vowel-consonant endings may double ("ban" to "banned", "label" to
	 * "labelled").
	 */
	private static boolean doubles(String verb) {
		int n = verb.length();
		return n >= 3 && isConsonant(verb.charAt(n - 1)) && "wxy".indexOf(verb.charAt(n - 1)) < 0
				&& !isConsonant(verb.charAt(n - 2)) && isConsonant(verb.charAt(n - 3));
	}

	private static boolean endsWithConsonantY(String verb) {
		return verb.length() >= 2 && verb.endsWith("y") && isConsonant(verb.charAt(verb.length() - 2));
	}

	private static boolean isConsonant(char c) {
		return Character.isLetter(c) && "aeiou".indexOf(c) < 0;
	}

}
