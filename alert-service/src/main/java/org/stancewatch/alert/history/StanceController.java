package org.stancewatch.alert.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.eventstore.StanceQueries;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.StanceShift;

/** Read API over stances, histories and shifts. */
@RestController
@RequestMapping("/api")
class StanceController {

	private static final Duration DEFAULT_SHIFT_WINDOW = Duration.ofDays(7);

	private static final int MAX_SHIFTS = 1000;

	private final StanceQueries queries;

	private final AlertProperties properties;

	StanceController(StanceQueries queries, AlertProperties properties) {
		this.queries = queries;
		this.properties = properties;
	}

	/** The current stance of every state toward the target (default AF). */
	@GetMapping("/stances")
	List<DyadStance> stances(@RequestParam(required = false) @Nullable String target) {
		return this.queries.stancesToward(dyad(this.properties.defaultTarget(), target).target());
	}

	/** One state's history toward the target (default AF). */
	@GetMapping("/stances/{actor}")
	StanceHistoryView history(@PathVariable String actor, @RequestParam(required = false) @Nullable String target) {
		Dyad dyad = dyad(actor, target);
		return this.queries.history(dyad)
			.map(StanceHistoryView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Nothing is known of " + dyad.actor() + " toward " + dyad.target()));
	}

	/**
	 * Shifts and signals detected since the given instant (default: the last 7 days),
	 * oldest first.
	 */
	@GetMapping("/shifts")
	List<StanceShift> shifts(@RequestParam(required = false) @Nullable Instant since,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_SHIFTS) {
			throw new IllegalArgumentException("limit must be within 1.." + MAX_SHIFTS + ", not " + limit);
		}
		Instant from = (since != null) ? since : Instant.now().minus(DEFAULT_SHIFT_WINDOW);
		return this.queries.shiftsSince(from, limit);
	}

	/** A wrong country code or parameter is the client's to fix. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

	private Dyad dyad(String actor, @Nullable String target) {
		return new Dyad(actor, (target != null) ? target : this.properties.defaultTarget());
	}

}
