package org.stancewatch.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.CloudEvent;

/**
 * Finds which outbox rows a topic already holds, for rows an earlier relay attempt may
 * have sent before it died. Reads every partition of the topic, read committed, from the
 * first record at or after the earliest claim (less a margin for clocks that disagree) to
 * the end, and matches records by the {@value #OUTBOX_ID} header and {@code ce_id}. Only
 * this recovery path reads the topic; rows never claimed before are sent at once.
 */
public final class PublishedRecords {

	/** Header carrying the outbox row id of each record the relay sends. */
	public static final String OUTBOX_ID = "stancewatch_outbox_id";

	private final Map<String, Object> connection;

	private final Duration margin;

	private final Duration timeout;

	/**
	 * @param clientConfig the producer's settings, whose connection settings (servers,
	 * security) the reading consumer reuses
	 * @param margin how far before the earliest claim to start reading
	 * @param timeout how long reading to the end may take
	 */
	public PublishedRecords(Map<String, Object> clientConfig, Duration margin, Duration timeout) {
		this.connection = connectionSettings(clientConfig);
		this.margin = margin;
		this.timeout = timeout;
	}

	/**
	 * @param topic the topic the rows were sent to
	 * @param claims the claimed rows: outbox id to its {@code ce_id}
	 * @param earliestClaim when the earliest of them was claimed
	 * @return the ids of the rows the topic holds
	 * @throws IllegalStateException when Kafka did not let the topic be read to its end
	 * in time; the caller must then send nothing
	 */
	public Set<Long> find(String topic, Map<Long, String> claims, Instant earliestClaim) {
		Set<Long> found = new HashSet<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(this.connection, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, this.timeout)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			long from = earliestClaim.minus(this.margin).toEpochMilli();
			Map<TopicPartition, Long> query = new HashMap<>();
			partitions.forEach((partition) -> query.put(partition, from));
			Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, this.timeout);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, this.timeout);
			Map<TopicPartition, Long> toRead = new HashMap<>();
			starts.forEach((partition, start) -> {
				if (start != null && start.offset() < ends.get(partition)) {
					toRead.put(partition, ends.get(partition));
				}
			});
			consumer.assign(toRead.keySet());
			toRead.keySet().forEach((partition) -> consumer.seek(partition, starts.get(partition).offset()));
			Instant deadline = Instant.now().plus(this.timeout);
			while (!toRead.isEmpty()) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Kafka did not let the relay read " + topic + " to its end within "
							+ this.timeout + ", looking for records of an interrupted attempt");
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					Long id = outboxId(record);
					if (id != null && claims.containsKey(id) && claims.get(id).equals(header(record, CloudEvent.ID))) {
						found.add(id);
					}
				}
				toRead.entrySet().removeIf((end) -> consumer.position(end.getKey(), this.timeout) >= end.getValue());
				consumer.assign(toRead.keySet());
			}
		}
		catch (KafkaException ex) {
			throw new IllegalStateException(
					"Kafka did not answer while the relay looked for records of an interrupted attempt in " + topic,
					ex);
		}
		return found;
	}

	private static @Nullable Long outboxId(ConsumerRecord<?, ?> record) {
		String value = header(record, OUTBOX_ID);
		try {
			return (value != null) ? Long.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Map<String, Object> connectionSettings(Map<String, Object> clientConfig) {
		Map<String, Object> settings = new HashMap<>();
		clientConfig.forEach((name, value) -> {
			if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
					|| name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
					|| name.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG) || name.startsWith("ssl.")
					|| name.startsWith("sasl.")) {
				settings.put(name, value);
			}
		});
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-recovery");
		return settings;
	}

}
