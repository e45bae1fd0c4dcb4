package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;

/**
 * Publishes relation changes as extract-service does: keyed by dyad, CloudEvents headers.
 */
final class RelationChangeSender implements AutoCloseable {

	private final KafkaProducer<String, String> producer;

	RelationChangeSender(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringSerializer(), new StringSerializer());
	}

	RecordMetadata send(RelationChange change) {
		String dyad = change.dyad().toString();
		CloudEvent event = CloudEvent.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service",
				Instant.now(), dyad);
		return sendRaw(dyad, EventJson.writeString(change), event.toHeaders());
	}

	RecordMetadata sendRaw(@Nullable String key, @Nullable String value, Map<String, String> headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RELATION_CHANGES, key, value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes()));
		try {
			return this.producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test record", ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
