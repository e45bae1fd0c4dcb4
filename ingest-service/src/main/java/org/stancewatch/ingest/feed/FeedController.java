package org.stancewatch.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import org.stancewatch.ingest.IngestSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The feed registry: {@code /api/feeds}, with OPML import and export. */
@RestController
@RequestMapping("/api/feeds")
class FeedController {

	static final String OPML = "text/x-opml";

	private final FeedRepository feeds;

	private final Duration defaultInterval;

	FeedController(FeedRepository feeds, IngestSettings settings) {
		this.feeds = feeds;
		this.defaultInterval = settings.poll().defaultInterval();
	}

	@PostMapping
	ResponseEntity<Feed> create(@Valid @RequestBody FeedRequest request) {
		URI url = url(request.url());
		Feed feed = this.feeds
			.create(url, request.title(), interval(request.pollInterval(), this.defaultInterval),
					!Boolean.FALSE.equals(request.enabled()), !Boolean.FALSE.equals(request.fetchFullText()))
			.orElseThrow(() -> conflict(url));
		return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(feed.id()))
			.body(feed);
	}

	@GetMapping
	List<Feed> list() {
		return this.feeds.findAll();
	}

	@GetMapping("/{id}")
	Feed read(@PathVariable long id) {
		return this.feeds.find(id).orElseThrow(() -> notFound(id));
	}

	@GetMapping("/{id}/history")
	List<FeedRepository.FetchRecord> history(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
		read(id);
		return this.feeds.history(id, Math.max(1, Math.min(limit, 500)));
	}

	@PutMapping("/{id}")
	Feed update(@PathVariable long id, @Valid @RequestBody FeedRequest request) {
		URI url = url(request.url());
		if (this.feeds.urlTakenByAnother(id, url)) {
			throw conflict(url);
		}
		Duration interval = (request.pollInterval() != null) ? interval(request.pollInterval(), null) : null;
		return this.feeds.update(id, url, request.title(), interval, request.enabled(), request.fetchFullText())
			.orElseThrow(() -> notFound(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.feeds.delete(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/opml", consumes = { OPML, "application/xml", "text/xml" })
	OpmlImport importOpml(@RequestBody byte[] opml) {
		List<OpmlCodec.Outline> outlines = OpmlCodec.read(opml);
		int added = 0;
		for (OpmlCodec.Outline outline : outlines) {
			if (this.feeds.create(outline.url(), outline.title(), this.defaultInterval, true, true).isPresent()) {
				added++;
			}
		}
		return new OpmlImport(outlines.size(), added, outlines.size() - added);
	}

	@GetMapping(path = "/opml", produces = OPML)
	String exportOpml() {
		return OpmlCodec.write(this.feeds.findAll());
	}

	private static URI url(String url) {
		try {
			URI uri = new URI(url.trim());
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("no host");
			}
			return uri;
		}
		catch (Exception ex) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid feed URL",
					"'" + url + "' is not a valid http or https URL: " + ex.getMessage());
		}
	}

	private static Duration interval(Duration requested, Duration fallback) {
		Duration interval = (requested != null) ? requested : fallback;
		if (interval.compareTo(FeedRequest.MIN_INTERVAL) < 0) {
			throw problem(HttpStatus.BAD_REQUEST, "Poll interval too short",
					"pollInterval must be at least " + FeedRequest.MIN_INTERVAL + ", was " + interval);
		}
		return interval;
	}

	private static ErrorResponseException notFound(long id) {
		return problem(HttpStatus.NOT_FOUND, "Feed not found", "No feed with id " + id);
	}

	private static ErrorResponseException conflict(URI url) {
		return problem(HttpStatus.CONFLICT, "Feed already registered", "A feed with URL " + url + " already exists");
	}

	static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * What an OPML import did.
	 *
	 * @param found feed outlines in the document
	 * @param added feeds registered
	 * @param alreadyRegistered feeds whose URL was registered before
	 */
	record OpmlImport(int found, int added, int alreadyRegistered) {
	}

}
