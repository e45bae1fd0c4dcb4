package org.stancewatch.contracts;

import java.util.regex.Pattern;

/**
 * An ordered pair of states: {@code actor} acts toward the government of {@code target}.
 * Written {@code RU>AF}, the key of every dyad-keyed topic.
 *
 * @param actor ISO 3166-1 alpha-2 code of the acting state
 * @param target ISO 3166-1 alpha-2 code of the state whose government the act is about
 */
public record Dyad(String actor, String target) {

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

	public Dyad {
		requireCountryCode(actor, "actor");
		requireCountryCode(target, "target");
	}

	/** Reads {@code RU>AF}. */
	public static Dyad parse(String key) {
		int separator = key.indexOf('>');
		if (separator < 0) {
			throw new IllegalArgumentException("A dyad is written ACTOR>TARGET, e.g. RU>AF, not '" + key + "'");
		}
		return new Dyad(key.substring(0, separator), key.substring(separator + 1));
	}

	@Override
	public String toString() {
		return this.actor + ">" + this.target;
	}

	private static void requireCountryCode(String code, String role) {
		if (code == null || !COUNTRY_CODE.matcher(code).matches()) {
			throw new IllegalArgumentException(
					"The " + role + " must be an ISO 3166-1 alpha-2 code like RU, not '" + code + "'");
		}
	}

}
