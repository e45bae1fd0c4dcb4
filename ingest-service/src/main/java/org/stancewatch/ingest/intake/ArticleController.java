package org.stancewatch.ingest.intake;

import org.stancewatch.ingest.article.ArticleNormalizer;
import org.stancewatch.ingest.article.FeedEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/articles}: an article sent directly, e.g. from a tool that has no
 * feed. It is normalised, de-duplicated and published like a feed item.
 */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

	private final ArticleNormalizer normalizer = new ArticleNormalizer();

	private final ArticleStore store;

	private final Clock clock;

	ArticleController(ArticleStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** 201 with the stored article when it is new, 200 with the id when it was known. */
	@PostMapping
	ResponseEntity<?> submit(@Valid @RequestBody SubmittedArticle submitted) {
		Article article = this.normalizer.normalize(
				FeedEntry.submitted(submitted.url(), submitted.title(), submitted.text(), submitted.publishedAt()),
				null, null, submitted.language(), this.clock.instant());
		Optional<Article> stored = this.store.save(article);
		if (stored.isPresent()) {
			return ResponseEntity.status(HttpStatus.CREATED).body(stored.get());
		}
		return ResponseEntity.ok(new Known(article.id(), "already known"));
	}

	/**
	 * An article as a client sends it.
	 *
	 * @param url its http or https URL
	 * @param title its title
	 * @param text its body, plain text or HTML
	 * @param publishedAt when it was published, ISO-8601, when known
	 * @param language its language, when known
	 */
	record SubmittedArticle(
			@NotBlank @Size(max = 2048) @Pattern(regexp = "(?i)https?://\\S+",
					message = "must be an http or https URL") String url,
			@Nullable @Size(max = 1000) String title, @NotBlank @Size(max = 1_000_000) String text,
			@Nullable Instant publishedAt, @Nullable @Size(max = 35) String language) {
	}

	/**
	 * @param id the id of the article already stored
	 * @param status what happened
	 */
	record Known(String id, String status) {
	}

}
