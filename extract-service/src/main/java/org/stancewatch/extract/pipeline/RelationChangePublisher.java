package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.kafka.RecordTraces;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes relation changes to {@link Topics#RELATION_CHANGES}: keyed by dyad, so a dyad's
 * events stay in order on one partition; CloudEvents attributes in {@code ce_*} headers;
 * the value is the event's JSON and nothing else. Inside the listener's transaction the
 * sends join that transaction.
 */
@Component
class RelationChangePublisher {

	static final String SOURCE = "/stancewatch/extract-service";

	/**
	 * When ingest-service stored the article (its record's {@code ce_time}), passed on so
	 * that alert-service can time the whole pipeline. Not a CloudEvents attribute of the
	 * relation change, whose own {@code ce_time} is when it was read.
	 */
	static final String ARTICLE_TIME_HEADER = "stancewatch-article-time";

	/**
	 * Well above a healthy broker's acknowledgement time, well below the poll interval.
	 */
	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaOperations<String, byte[]> kafka;

	RelationChangePublisher(KafkaOperations<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	/**
	 * Sends the changes and waits until the broker has them, so that a failed send fails
	 * the listener (and is retried) rather than only the later commit.
	 */
	void publish(List<Extraction.Extracted> articles) {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = articles.stream()
			.flatMap((article) -> article.changes()
				.stream()
				.map((change) -> toRecord(change, article.traceparent(), article.record())))
			.map(this.kafka::send)
			.toList();
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending relation changes", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not send relation changes: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Relation changes not acknowledged within " + SEND_TIMEOUT, ex);
		}
	}

	private ProducerRecord<String, byte[]> toRecord(RelationChange change, @Nullable String traceparent,
			ConsumerRecord<String, byte[]> article) {
		String dyad = change.dyad().toString();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RELATION_CHANGES, dyad,
				EventJson.write(change));
		CloudEvent.of(EventType.RELATION_CHANGE, change.eventId(), SOURCE, Instant.now(), dyad)
			.toHeaders()
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		if (traceparent != null) {
			record.headers().add(RecordTraces.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		Header articleTime = article.headers().lastHeader(CloudEvent.TIME);
		if (articleTime != null) {
			record.headers().add(ARTICLE_TIME_HEADER, articleTime.value());
		}
		return record;
	}

}
