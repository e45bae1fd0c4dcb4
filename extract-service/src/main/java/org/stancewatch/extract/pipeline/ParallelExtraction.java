package org.stancewatch.extract.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.RelationExtractor;
import org.stancewatch.kafka.RecordTraces;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads and extracts the records of one poll. The engine is thread-safe and its work is
 * pure CPU, so the records are spread over {@code stancewatch.extract.workers} threads,
 * shared by all consumer threads; the results come back in the order of the records,
 * which keeps each dyad's events in the order of their partition.
 */
@Component
class ParallelExtraction implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ParallelExtraction.class);

	private final RelationExtractor extractor;

	private final RecordTraces trace;

	private final @Nullable ExecutorService workers;

	ParallelExtraction(RelationExtractor extractor, ExtractSettings settings, RecordTraces trace) {
		this.extractor = extractor;
		this.trace = trace;
		int threads = settings.workerThreads();
		this.workers = (threads > 1) ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
	}

	/** One result per record, in the order of the records. */
	List<Extraction> extract(List<ConsumerRecord<String, byte[]>> records) {
		ExecutorService pool = this.workers;
		if (pool == null || records.size() < 2) {
			return records.stream().map(this::extract).toList();
		}
		List<CompletableFuture<Extraction>> pending = records.stream()
			.map((record) -> CompletableFuture.supplyAsync(() -> extract(record), pool))
			.toList();
		return pending.stream().map(ParallelExtraction::join).toList();
	}

	/** An error on a worker thread is thrown as it would be on the consumer thread. */
	private static Extraction join(CompletableFuture<Extraction> pending) {
		try {
			return pending.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private Extraction extract(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return new Extraction.Deleted(record);
		}
		return this.trace.inSpan(RecordTraces.traceparent(record), "extract article", (traceparent) -> {
			try {
				Article article = ArticleJson.read(record.value());
				List<RelationChange> changes = extract(article);
				log(article, changes);
				return new Extraction.Extracted(record, changes, traceparent);
			}
			catch (UnprocessableArticleException ex) {
				logger.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
						ex.getMessage());
				return new Extraction.Unprocessable(record, ex);
			}
		});
	}

	private static void log(Article article, List<RelationChange> changes) {
		if (changes.isEmpty()) {
			logger.debug("Article {}: no relation change", article.id());
		}
		else {
			logger.info("Article {}: {}", article.id(),
					changes.stream()
						.map((change) -> change.actor() + " " + change.action() + " " + change.status())
						.collect(Collectors.joining(", ")));
		}
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

	@Override
	public void destroy() {
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "extract-worker-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
