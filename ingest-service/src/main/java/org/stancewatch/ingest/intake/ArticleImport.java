package org.stancewatch.ingest.intake;

import org.stancewatch.ingest.article.ArticleNormalizer;
import org.stancewatch.ingest.article.FeedEntry;
import org.stancewatch.ingest.article.FullTextExtractor;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.ArticleFile;

import org.springframework.stereotype.Component;

/**
 * Imports article files: the header format of the evaluation corpus ({@code url:},
 * {@code title:}, {@code published:} lines, {@code ---}, then the body; a file without a
 * header is all body) and {@code .html} pages. Directories are walked. Progress and every
 * file that fails, by name, go to the given stream; the rest are still imported.
 */
@Component
public class ArticleImport {

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

	private final ArticleNormalizer normalizer = new ArticleNormalizer();

	private final FullTextExtractor extractor = new FullTextExtractor(1);

	private final ArticleStore store;

	private final Clock clock;

	ArticleImport(ArticleStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Result importPaths(List<Path> paths, PrintStream progress) {
		List<Path> files = files(paths, progress);
		Result result = new Result(files.size());
		Instant lastReport = Instant.now();
		for (Path file : files) {
			try {
				if (this.store.save(read(file)).isPresent()) {
					result.added++;
				}
				else {
					result.known++;
				}
			}
			catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
				result.failed.add(file);
				progress.printf("FAILED %s: %s%n", file, ex.getMessage());
			}
			if (Duration.between(lastReport, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
				progress.println(result);
				lastReport = Instant.now();
			}
		}
		progress.println(result);
		return result;
	}

	private Article read(Path file) throws IOException {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("the file is not UTF-8 text", ex);
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		Instant now = this.clock.instant();
		String fileUrl = file.toUri().toString();
		if (name.endsWith(".html") || name.endsWith(".htm")) {
			String title = Jsoup.parse(content).title();
			String text = this.extractor.extract(content, file.toUri())
				.orElseThrow(() -> new IllegalArgumentException("no article text found in the page"));
			return this.normalizer.normalize(FeedEntry.submitted(fileUrl, title, text, null), null, null, null, now);
		}
		ArticleFile article = ArticleFile.parse(content);
		if (article.body().isBlank()) {
			throw new IllegalArgumentException("the file has no body text");
		}
		String url = (article.url() != null) ? article.url() : fileUrl;
		return this.normalizer.normalize(
				FeedEntry.submitted(url, article.title(), article.body(), article.publishedAt()), null, null, null,
				now);
	}

	private static List<Path> files(List<Path> paths, PrintStream progress) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile).sorted().forEach(files::add);
				}
				catch (IOException ex) {
					progress.printf("FAILED %s: %s%n", path, ex.getMessage());
				}
			}
			else {
				files.add(path);
			}
		}
		return files;
	}

	/** What an import did, printed as progress. */
	public static final class Result {

		private final int total;

		int added;

		int known;

		final List<Path> failed = new ArrayList<>();

		Result(int total) {
			this.total = total;
		}

		public boolean hasFailures() {
			return !this.failed.isEmpty();
		}

		public int added() {
			return this.added;
		}

		public int known() {
			return this.known;
		}

		public List<Path> failed() {
			return List.copyOf(this.failed);
		}

		@Override
		public String toString() {
			return "imported %d/%d files: %d new, %d already known, %d failed".formatted(
					this.added + this.known + this.failed.size(), this.total, this.added, this.known,
					this.failed.size());
		}

	}

}
