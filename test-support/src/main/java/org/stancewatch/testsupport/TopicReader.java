package org.stancewatch.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a topic from its beginning as a downstream consumer would: a plain kafka-clients
 * consumer, read committed, strings in and out, no project classes.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

	public TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * Waits until at least {@code count} records were read, then returns all read so far.
	 */
	public List<ConsumerRecord<String, String>> awaitAtLeast(int count, Duration timeout) {
		return awaitUntil((read) -> read.size() >= count, timeout);
	}

	/**
	 * Reads until the condition holds for the records read so far, or the time is up;
	 * returns what was read either way, for the caller to assert on.
	 */
	public List<ConsumerRecord<String, String>> awaitUntil(Predicate<List<ConsumerRecord<String, String>>> condition,
			Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.test(this.records) && Instant.now().isBefore(deadline)) {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
		}
		return List.copyOf(this.records);
	}

	/**
	 * Reads whatever arrives within the given time; for asserting that nothing more
	 * comes.
	 */
	public List<ConsumerRecord<String, String>> readFor(Duration duration) {
		return awaitUntil((read) -> false, duration);
	}

	public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
