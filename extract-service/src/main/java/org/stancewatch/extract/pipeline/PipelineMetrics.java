package org.stancewatch.extract.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what the pipeline does. Counted when the work is done inside the transaction
 * (the Kafka transaction manager offers no after-commit hook), so an attempt whose
 * transaction is later rolled back and retried counts again.
 */
@Component
class PipelineMetrics {

	private final Counter articles;

	private final Counter events;

	private final Counter deadLetters;

	PipelineMetrics(MeterRegistry registry) {
		this.articles = Counter.builder("stancewatch.extract.articles")
			.description("Articles read and extracted")
			.register(registry);
		this.events = Counter.builder("stancewatch.extract.relation.changes")
			.description("Relation changes produced")
			.register(registry);
		this.deadLetters = Counter.builder("stancewatch.extract.dead.letters")
			.description("Article records sent to the dead-letter topic")
			.register(registry);
	}

	void extracted(int articles, int relationChanges) {
		this.articles.increment(articles);
		this.events.increment(relationChanges);
	}

	void deadLettered() {
		this.deadLetters.increment();
	}

}
