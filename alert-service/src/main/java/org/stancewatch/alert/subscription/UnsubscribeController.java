package org.stancewatch.alert.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in every alert e-mail: works without login. GET (a person clicking) and POST
 * (RFC 8058 one-click, sent by the mail client) both disable the subscription.
 */
@RestController
class UnsubscribeController {

	private final SignedTokens tokens;

	private final SubscriptionRepository subscriptions;

	UnsubscribeController(SignedTokens tokens, SubscriptionRepository subscriptions) {
		this.tokens = tokens;
		this.subscriptions = subscriptions;
	}

	@GetMapping(path = "/api/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribeByLink(@RequestParam String token) {
		Subscription subscription = unsubscribe(token);
		String name = (subscription.name() != null) ? subscription.name() : subscription.id().toString();
		return ResponseEntity.ok("<!doctype html><title>Unsubscribed</title><p>You will get no more alerts from "
				+ "the stancewatch subscription <b>" + HtmlUtils.htmlEscape(name) + "</b>.</p>");
	}

	@PostMapping("/api/unsubscribe")
	ResponseEntity<Void> unsubscribeOneClick(@RequestParam String token) {
		unsubscribe(token);
		return ResponseEntity.noContent().build();
	}

	private Subscription unsubscribe(String token) {
		UUID id = this.tokens.verify(SignedTokens.Purpose.UNSUBSCRIBE, token)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This unsubscribe link is not valid"),
					null));
		this.subscriptions.disable(id, "unsubscribed by the e-mail link");
		return this.subscriptions.find(id)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This subscription no longer exists"),
					null));
	}

}
