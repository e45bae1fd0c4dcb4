package org.stancewatch.extract.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.RelationExtractor;

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

	private final RelationExtractor extractor;

	private final @Nullable ExecutorService workers;

	ParallelExtraction(RelationExtractor extractor, ExtractSettings settings) {
		this.extractor = extractor;
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
		return pending.stream().map(CompletableFuture::join).toList();
	}

	private Extraction extract(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return new Extraction.Deleted(record);
		}
		try {
			Article article = ArticleJson.read(record.value());
			return new Extraction.Extracted(record, extract(article));
		}
		catch (UnprocessableArticleException ex) {
			return new Extraction.Unprocessable(record, ex);
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

	private static java.util.concurrent.ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "extract-worker-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
