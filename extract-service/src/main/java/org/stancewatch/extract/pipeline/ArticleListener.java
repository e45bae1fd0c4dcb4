package org.stancewatch.extract.pipeline;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.extract.rules.RelationExtractor;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consume-transform-produce: one article in, its relation changes out. The container runs
 * each record in a Kafka transaction that also carries the consumed offset, so the output
 * of an article becomes visible exactly once to read-committed consumers, however often
 * the service is killed and restarted. Failures are thrown, never swallowed: the error
 * handler retries or dead-letters them.
 */
@Component
class ArticleListener {

	private final RelationExtractor extractor;

	private final RelationChangePublisher publisher;

	private final PipelineMetrics metrics;

	ArticleListener(RelationExtractor extractor, RelationChangePublisher publisher, PipelineMetrics metrics) {
		this.extractor = extractor;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@KafkaListener(id = "articles", topics = Topics.ARTICLES, groupId = "#{@consumerGroup.id()}")
	void onArticle(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			// A tombstone: ingest-service deleted the article from the compacted topic.
			return;
		}
		Article article = ArticleJson.read(record.value());
		List<RelationChange> changes = extract(article);
		this.publisher.publish(changes);
		this.metrics.extracted(changes.size());
	}

	/**
	 * The engine is deterministic: when it fails on an article it fails every time, so
	 * the article is dead-lettered rather than retried.
	 */
	private List<RelationChange> extract(Article article) {
		try {
			List<RelationChange> changes = this.extractor.extract(article);
			// Keyed by dyad: bad country codes fail here, before anything is sent.
			changes.forEach(RelationChange::dyad);
			return changes;
		}
		catch (RuntimeException ex) {
			throw new UnprocessableArticleException(
					"Engine " + this.extractor.version() + " failed on article '" + article.id() + "': " + ex, ex);
		}
	}

}
