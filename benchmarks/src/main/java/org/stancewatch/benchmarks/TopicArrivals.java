package org.stancewatch.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stancewatch.contracts.Topics;

/**
 * When each article's title first became readable, read committed, on the topics between
 * the services: the article on the articles topic, and its first relation change. With
 * the ingest commit and the webhook's arrival either side, this splits the pipeline's
 * latency into its hops (ingest's relay, extract, alert).
 */
final class TopicArrivals implements AutoCloseable {

	/** The topics watched, each with the field that names the article. */
	private static final Map<String, Pattern> TITLES = Map.of(Topics.ARTICLES, title("title"), Topics.RELATION_CHANGES,
			title("articleTitle"));

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, Map<String, Long>> arrivals = new ConcurrentHashMap<>();

	private final Thread reader;

	private volatile boolean closed;

	TopicArrivals(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-arrivals-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : TITLES.keySet()) {
			this.arrivals.put(topic, new ConcurrentHashMap<>());
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.reader = new Thread(this::read, "topic-arrivals");
		// A run that fails before close() must still end.
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private static Pattern title(String field) {
		return Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"");
	}

	private void read() {
		try {
			while (!this.closed) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
					long now = System.nanoTime();
					Matcher matcher = TITLES.get(record.topic()).matcher(record.value());
					if (matcher.find()) {
						this.arrivals.get(record.topic()).putIfAbsent(matcher.group(1), now);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/**
	 * p50/p99/max of {@code to - from} over the titles both saw, in milliseconds.
	 */
	static String hop(String name, Iterable<String> titles, Map<String, Long> from, Map<String, Long> to) {
		List<Long> millis = millisBetween(titles, from, to);
		return String.format(Locale.ROOT, "%s: p50 %d ms, p99 %d ms, max %d ms (%d)", name,
				PipelineBenchmark.percentile(millis, 50), PipelineBenchmark.percentile(millis, 99),
				millis.isEmpty() ? 0 : millis.get(millis.size() - 1), millis.size());
	}

	/**
	 * {@code to - from} in milliseconds, sorted, for each of the titles both saw; times
	 * from {@link System#nanoTime()}.
	 */
	static List<Long> millisBetween(Iterable<String> titles, Map<String, Long> from, Map<String, Long> to) {
		List<Long> millis = new ArrayList<>();
		for (String title : titles) {
			Long start = from.get(title);
			Long end = to.get(title);
			if (start != null && end != null) {
				millis.add((end - start) / 1_000_000);
			}
		}
		Collections.sort(millis);
		return millis;
	}

	/** When each article first appeared on the topic, by title. */
	Map<String, Long> on(String topic) {
		return this.arrivals.get(topic);
	}

	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		this.consumer.wakeup();
		this.reader.join();
	}

}
