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
 * articles of about 4 KB: each new article is shingled for its fingerprint and its
 * shingles to store, then compared with each candidate within the SimHash distance, whose
 * shingles are read as stored.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class NearDuplicatesBenchmark {

	private List<String> texts;

	private List<byte[]> storedShingles;

	private NearDuplicates.Shingled first;

	private int next;

	@Setup
	public void setUp() {
		this.texts = ArticleCorpus.generate(200, 7).stream().map(Article::text).toList();
		this.storedShingles = this.texts.stream()
			.map((text) -> NearDuplicates.Shingled.of(text).shingles().toBytes())
			.toList();
		this.first = NearDuplicates.Shingled.of(this.texts.get(0));
	}

	@Benchmark
	public long fingerprintAnArticle() {
		return NearDuplicates.Shingled.of(nextText()).fingerprint();
	}

	/** A candidate as ingest compares it: its shingles read as stored. */
	@Benchmark
	public boolean compareAStoredCandidate() {
		this.next = (this.next + 1) % this.storedShingles.size();
		return this.first.isNearDuplicateOf(NearDuplicates.Shingles.fromBytes(this.storedShingles.get(this.next)));
	}

	private String nextText() {
		this.next = (this.next + 1) % this.texts.size();
		return this.texts.get(this.next);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(NearDuplicatesBenchmark.class.getName()).build()).run();
	}

}
