package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.kafka.RecordTraces;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelExtractionTests {

	private final MarkerExtractor engine = new MarkerExtractor("marker/parallel");

	private final ParallelExtraction extraction = new ParallelExtraction(this.engine, settings(4),
			new RecordTraces(Tracer.NOOP, Propagator.NOOP));

	@AfterEach
	void stopWorkers() {
		this.extraction.destroy();
	}

	@Test
	void shouldReturnOneResultPerRecordInTheOrderOfTheRecords() {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		List<RelationChange> expected = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Article article = Articles.article("p-" + i,
					"Note " + i + ": " + MarkerExtractor.marker((i % 2 == 0) ? "RU" : "CN")
							+ ((i % 3 == 0) ? " and " + MarkerExtractor.marker("QA") : "") + ".");
			records.add(record(i, EventJson.write(article)));
			expected.addAll(this.engine.extract(article));
		}

		List<Extraction> results = this.extraction.extract(records);

		assertThat(results).map(Extraction::record).containsExactlyElementsOf(records);
		assertThat(results).allMatch(Extraction.Extracted.class::isInstance);
		assertThat(results.stream().flatMap((result) -> ((Extraction.Extracted) result).changes().stream()))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void shouldSetApartWhatCannotBeReadAndTombstonesWithoutStoppingTheRest() {
		List<ConsumerRecord<String, byte[]>> records = List.of(record(0, bytes("not json at all")),
				record(1, EventJson.write(Articles.article("q-1", MarkerExtractor.marker("UZ") + "."))),
				record(2, null),
				record(3, EventJson.write(Articles.article("q-3", "Intro. " + MarkerExtractor.UNREADABLE))),
				record(4, EventJson.write(Articles.article("q-4", "Nothing to read here."))));

		List<Extraction> results = this.extraction.extract(records);

		assertThat(results.get(0)).isInstanceOfSatisfying(Extraction.Unprocessable.class,
				(failed) -> assertThat(failed.reason()).hasMessageStartingWith("Not an article in JSON"));
		assertThat(results.get(1)).isInstanceOfSatisfying(Extraction.Extracted.class,
				(read) -> assertThat(read.changes()).map(RelationChange::actor).containsExactly("UZ"));
		assertThat(results.get(2)).isInstanceOf(Extraction.Deleted.class);
		assertThat(results.get(3)).isInstanceOfSatisfying(Extraction.Unprocessable.class,
				(failed) -> assertThat(failed.reason())
					.hasMessageContaining("Engine marker/parallel failed on article 'q-3'")
					.hasMessageContaining("no rule can parse this text"));
		assertThat(results.get(4)).isInstanceOfSatisfying(Extraction.Extracted.class,
				(read) -> assertThat(read.changes()).isEmpty());
	}

	@Test
	void shouldGiveTheSameResultsOnTheConsumerThreadAlone() {
		ParallelExtraction inline = new ParallelExtraction(this.engine, settings(1),
				new RecordTraces(Tracer.NOOP, Propagator.NOOP));
		List<ConsumerRecord<String, byte[]>> records = List.of(
				record(0, EventJson.write(Articles.article("r-0", MarkerExtractor.marker("KZ") + "."))),
				record(1, bytes("{\"id\":\"r-1\"}")));

		assertThat(describe(inline.extract(records))).isEqualTo(describe(this.extraction.extract(records))).hasSize(2);
	}

	private static List<String> describe(List<Extraction> results) {
		return results.stream().map((result) -> {
			if (result instanceof Extraction.Extracted read) {
				return "extracted " + read.changes();
			}
			if (result instanceof Extraction.Unprocessable failed) {
				return "unprocessable: " + failed.reason().getMessage();
			}
			return "deleted";
		}).toList();
	}

	private static ConsumerRecord<String, byte[]> record(long offset, byte @Nullable [] value) {
		return new ConsumerRecord<>("stancewatch.articles.v1", 0, offset, "key-" + offset, value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ExtractSettings settings(int workers) {
		return new ExtractSettings("stancewatch-extract", false, new ExtractSettings.Topics(6, 6),
				new ExtractSettings.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(5)), workers);
	}

}
