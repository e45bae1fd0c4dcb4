package org.stancewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.stancewatch.contracts.Article;
import org.stancewatch.extract.rules.Dictionaries;
import org.stancewatch.extract.rules.RuleEngine;

/**
 * The engine's rate per second of CPU time its thread used, over the same corpus as
 * {@link ExtractEngineBenchmark}: a figure that a machine shared with other work lowers
 * far less than it lowers the wall-clock throughput JMH reports.
 */
public final class ExtractEngineCpuRate {

	private static final long WARM_UP_NANOS = 20_000_000_000L;

	private static final long MEASURE_NANOS = 20_000_000_000L;

	private ExtractEngineCpuRate() {
	}

	public static void main(String[] args) {
		RuleEngine engine = new RuleEngine(Dictionaries.fromClasspath());
		List<Article> articles = ArticleCorpus.generate(2_000, 20251123L);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		run(engine, articles, WARM_UP_NANOS);
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long wallBefore = System.nanoTime();
		long count = run(engine, articles, MEASURE_NANOS);
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
		double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
		System.out.printf("%,d articles in %.1f s of CPU time (%.1f s wall): %,.0f articles per CPU second%n", count,
				cpuSeconds, wallSeconds, count / cpuSeconds);
	}

	private static long run(RuleEngine engine, List<Article> articles, long nanos) {
		long end = System.nanoTime() + nanos;
		long count = 0;
		long events = 0;
		while (System.nanoTime() < end) {
			events += engine.extract(articles.get((int) (count % articles.size()))).size();
			count++;
		}
		if (events < 0) {
			throw new IllegalStateException("unreachable: keeps the results alive");
		}
		return count;
	}

}
