package org.stancewatch.extract.rules;

import java.util.List;

import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;

/**
 * Reads an article into the relation changes it reports. Deterministic and thread-safe:
 * the same article and version always give the same events, so a replay is idempotent.
 */
public interface RelationExtractor {

	List<RelationChange> extract(Article article);

	/**
	 * Engine name and version, e.g. {@code stancewatch-rules/1.0.0}; goes into every
	 * event.
	 */
	String version();

}
