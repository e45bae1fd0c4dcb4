package org.stancewatch.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.Dictionaries;
import org.stancewatch.extract.rules.RuleEngine;

/**
 * The rule engine alone, one thread, over a mixed corpus of about 4 KB articles: how many
 * articles it reads per second. Target: at least 2,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractEngineBenchmark {

	/** Enough articles that the engine cannot profit from repeating one. */
	private static final int ARTICLES = 2_000;

	private RuleEngine engine;

	private List<Article> articles;

	private int next;

	@Setup
	public void setUp() {
		this.engine = new RuleEngine(Dictionaries.fromClasspath());
		this.articles = ArticleCorpus.generate(ARTICLES, 20251123L);
	}

	@Benchmark
	public List<RelationChange> extractOneArticle() {
		Article article = this.articles.get(this.next);
		this.next = (this.next + 1) % this.articles.size();
		return this.engine.extract(article);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(ExtractEngineBenchmark.class.getName()).build()).run();
	}

}
