package org.stancewatch.extract.api;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.RelationExtractor;

/**
 * {@code POST /api/extract}: an {@code Article} as JSON (only {@code text} required), or
 * {@code text/plain} with an optional header block, answered with the events the engine
 * reads, in the JSON form they take on Kafka. Wrong input is answered with
 * {@code application/problem+json}.
 */
@RestController
class ExtractController {

	/** A try-out reads one article; a book is a mistake. */
	static final int MAX_TEXT_LENGTH = 1_000_000;

	private final RelationExtractor extractor;

	private final Clock clock;

	ExtractController(RelationExtractor extractor) {
		this.extractor = extractor;
		this.clock = Clock.systemUTC();
	}

	@PostMapping(path = "/api/extract", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> extract(@RequestBody ArticleInput input) {
		return respond(input);
	}

	@PostMapping(path = "/api/extract", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> extractText(@RequestBody String body) {
		return respond(ArticleInput.fromPlainText(body));
	}

	private ResponseEntity<String> respond(ArticleInput input) {
		if (input.text() != null && input.text().length() > MAX_TEXT_LENGTH) {
			throw new TextTooLongException(input.text().length());
		}
		List<RelationChange> events = this.extractor.extract(input.toArticle(this.clock.instant()));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(EventJson.writeString(events));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArticle(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("The article cannot be read");
		return problem;
	}

	@ExceptionHandler(TextTooLongException.class)
	ProblemDetail tooLong(TextTooLongException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("The article is too long to try out");
		return problem;
	}

	/** A text longer than {@link #MAX_TEXT_LENGTH}. */
	static final class TextTooLongException extends RuntimeException {

		TextTooLongException(int length) {
			super("The text has " + length + " characters; a try-out reads at most " + MAX_TEXT_LENGTH);
		}

	}

}
