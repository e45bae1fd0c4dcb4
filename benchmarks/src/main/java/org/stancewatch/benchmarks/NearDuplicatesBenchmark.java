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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.stancewatch.contracts.Article;
import org.stancewatch.ingest.article.NearDuplicates;

/**
 * What ingest spends on near-duplicates per stored article, over {@link ArticleCorpus}'s
 * articles of about 4 KB: each new article is shingled for its fingerprint, then each
 * candidate within the SimHash distance is shingled from its stored text and compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class NearDuplicatesBenchmark {

	private List<String> texts;

	private NearDuplicates.Shingled first;

	private int next;

	@Setup
	public void setUp() {
		this.texts = ArticleCorpus.generate(200, 7).stream().map(Article::text).toList();
		this.first = NearDuplicates.Shingled.of(this.texts.get(0));
	}

	@Benchmark
	public long fingerprintAnArticle() {
		return NearDuplicates.Shingled.of(nextText()).fingerprint();
	}

	@Benchmark
	public boolean compareACandidate() {
		return NearDuplicates.Shingled.of(nextText()).isNearDuplicateOf(this.first);
	}

	private String nextText() {
		this.next = (this.next + 1) % this.texts.size();
		return this.texts.get(this.next);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(NearDuplicatesBenchmark.class.getName()).build()).run();
	}

}
