package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code stancewatch.alert.pipeline.latency}: from the moment ingest-service stored an
 * article to the moment the relation change read from it is folded here (committed with
 * its stance and shifts). extract-service passes the article's storage time on in the
 * {@code stancewatch-article-time} header. Events re-read from an old article (a rebuild,
 * a reprocess run) count with their real, long latency.
 */
@Component
class PipelineLatency {

	static final String ARTICLE_TIME_HEADER = "stancewatch-article-time";

	private final Timer timer;

	PipelineLatency(MeterRegistry meters) {
		this.timer = Timer.builder("stancewatch.alert.pipeline.latency")
			.description("From the article stored by ingest-service to its relation change folded by alert-service")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(meters);
	}

	/**
	 * When ingest stored the article the record was read from; null for a record without
	 * the header (an older extract-service, a hand-made record) or with an unreadable
	 * one: it is folded all the same, only not timed.
	 */
	static @Nullable Instant articleTime(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(ARTICLE_TIME_HEADER);
		if (header == null) {
			return null;
		}
		try {
			return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * A change from an article stored at {@code articleTime} was folded at {@code now}.
	 */
	void folded(Instant articleTime, Instant now) {
		Duration latency = Duration.between(articleTime, now);
		if (!latency.isNegative()) { // clocks of two machines
			this.timer.record(latency);
		}
	}

}
