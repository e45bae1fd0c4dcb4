package org.stancewatch.benchmarks;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.stancewatch.ingest.article.ArticleNormalizer;
import org.stancewatch.ingest.article.FeedEntry;
import org.stancewatch.ingest.article.FeedParseException;
import org.stancewatch.ingest.article.FeedParser;
import org.stancewatch.ingest.article.ParsedFeed;

/**
 * What ingest spends per article on a poll's feed before it stores anything: parsing a
 * feed of {@value #ITEMS} {@link ArticleCorpus} articles with their full text (as
 * {@link PipelineBenchmark}'s realistic phase serves them), and normalising each item
 * into an article (HTML to text, identity, content hash).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FeedReadingBenchmark {

	private static final int ITEMS = 100;

	private static final URI FEED_URL = URI.create("http://desk0.example.org/feed/0");

	private final FeedParser parser = new FeedParser();

	private final ArticleNormalizer normalizer = new ArticleNormalizer();

	private byte[] feed;

	@Setup
	public void setUp() {
		this.feed = BenchmarkFeeds.rss(0,
				ArticleCorpus.generate(ITEMS, 7).stream().map(BenchmarkFeeds::fullTextItem).toList());
	}

	@Benchmark
	@OperationsPerInvocation(ITEMS)
	public int readAFullTextArticle() throws FeedParseException {
		ParsedFeed parsed = this.parser.parse(this.feed, "application/rss+xml; charset=utf-8", FEED_URL);
		int characters = 0;
		for (FeedEntry entry : parsed.entries()) {
			characters += this.normalizer.normalize(entry, "0", FEED_URL, parsed.language(), Instant.EPOCH)
				.text()
				.length();
		}
		return characters;
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(FeedReadingBenchmark.class.getName()).build()).run();
	}

}
