package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;
import org.stancewatch.extract.rules.RelationExtractor;

/**
 * A stand-in for the rule engine in the pipeline's tests: one recognition of the Kabul
 * government for each {@code "XX recognises Kabul"} in the text, XX being the actor, and
 * a failure for any text containing {@link #UNREADABLE}. Deterministic, as the real
 * engine must be.
 */
final class MarkerExtractor implements RelationExtractor {

	static final String UNREADABLE = "[engine chokes here]";

	private static final Pattern MARKER = Pattern.compile("\\b([A-Z]{2}) recognises Kabul\\b");

	private final String version;

	MarkerExtractor(String version) {
		this.version = version;
	}

	static String marker(String actor) {
		return actor + " recognises Kabul";
	}

	@Override
	public List<RelationChange> extract(Article article) {
		if (article.text().contains(UNREADABLE)) {
			throw new IllegalStateException("no rule can parse this text");
		}
		List<RelationChange> changes = new ArrayList<>();
		Matcher matcher = MARKER.matcher(article.text());
		while (matcher.find()) {
			String actor = matcher.group(1);
			Action action = Action.RECOGNIZE_GOVERNMENT;
			String identity = String.join("|", article.id(), actor, "AF", action.name(), Status.COMPLETED.name(),
					this.version);
			changes.add(new RelationChange(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(),
					article.id(), article.url(), article.title(), article.source(), article.publishedAt(),
					article.duplicateOf(), actor, "AF", action, action.direction(), Status.COMPLETED,
					(article.publishedAt() != null) ? article.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate()
							: null,
					(article.publishedAt() != null) ? DatePrecision.DAY : DatePrecision.UNKNOWN, false, matcher.group(),
					matcher.start(), matcher.end(), 0.9, this.version));
		}
		return changes;
	}

	@Override
	public String version() {
		return this.version;
	}

}
