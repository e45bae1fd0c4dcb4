package org.stancewatch.extract.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * Consume-transform-produce, a poll at a time: the container runs each poll's records in
 * one Kafka transaction that carries their relation changes, the dead letters among them
 * and the consumed offsets, so the output becomes visible exactly once to read-committed
 * consumers, however often the service is killed and restarted.
 * <p>
 * A record that will never pass is dead-lettered here, inside that transaction, and the
 * rest of its batch goes on. Spring Kafka's way, {@code BatchListenerFailedException}
 * with the {@code DefaultErrorHandler}, does not fit a transactional container (4.1): it
 * commits the offsets before the failed record through the consumer, outside the
 * transaction, and then aborts the transaction that held their output whenever records
 * follow the failed one. Any other failure is thrown: the transaction rolls back and the
 * after-rollback processor retries the batch.
 */
@Component
class ArticleListener {

	private final ParallelExtraction extraction;

	private final RelationChangePublisher publisher;

	private final ConsumerAwareRecordRecoverer deadLetters;

	private final PipelineMetrics metrics;

	ArticleListener(ParallelExtraction extraction, RelationChangePublisher publisher,
			ConsumerAwareRecordRecoverer deadLetters, PipelineMetrics metrics) {
		this.extraction = extraction;
		this.publisher = publisher;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
	}

	@KafkaListener(id = "articles", topics = Topics.ARTICLES, groupId = "#{@consumerGroup.id()}", batch = "true")
	void onArticles(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
		List<RelationChange> changes = new ArrayList<>();
		int articles = 0;
		for (Extraction extraction : this.extraction.extract(records)) {
			if (extraction instanceof Extraction.Extracted extracted) {
				changes.addAll(extracted.changes());
				articles++;
			}
			else if (extraction instanceof Extraction.Unprocessable unprocessable) {
				deadLetter(unprocessable, consumer);
			}
		}
		this.publisher.publish(changes);
		this.metrics.extracted(articles, changes.size());
	}

	/**
	 * Wrapped as the container wraps a listener's exception, so that the dead letter's
	 * headers read as they always have: the reason in the message, and
	 * {@link UnprocessableArticleException} as the cause.
	 */
	private void deadLetter(Extraction.Unprocessable unprocessable, Consumer<?, ?> consumer) {
		UnprocessableArticleException reason = unprocessable.reason();
		this.deadLetters.accept(unprocessable.record(), consumer,
				new ListenerExecutionFailedException(reason.getMessage(), consumer.groupMetadata().groupId(), reason));
	}

}
