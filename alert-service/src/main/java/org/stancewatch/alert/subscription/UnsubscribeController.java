package org.stancewatch.alert.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in every alert e-mail works without login. GET only shows a page with a
 * button, because mail scanners and link previews fetch links on their own; POST (the
 * button, or the mail client's RFC 8058 one-click request) disables the subscription.
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
	String confirm(@RequestParam String token) {
		Subscription subscription = this.subscriptions.find(verified(token)).orElseThrow(UnsubscribeController::gone);
		return page("Unsubscribe", "<form method=\"post\"><p>Stop the alerts of the stancewatch subscription <b>"
				+ HtmlUtils.htmlEscape(label(subscription)) + "</b>?</p><input type=\"hidden\" name=\"token\" value=\""
				+ HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">Unsubscribe</button></form>");
	}

	@PostMapping(path = "/api/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	String unsubscribe(@RequestParam String token) {
		UUID id = verified(token);
		this.subscriptions.disable(id, "unsubscribed by the e-mail link");
		Subscription subscription = this.subscriptions.find(id).orElseThrow(UnsubscribeController::gone);
		return page("Unsubscribed", "<p>You will get no more alerts from the stancewatch subscription <b>"
				+ HtmlUtils.htmlEscape(label(subscription)) + "</b>.</p>");
	}

	private UUID verified(String token) {
		return this.tokens.verify(SignedTokens.Purpose.UNSUBSCRIBE, token)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This unsubscribe link is not valid"),
					null));
	}

	private static ErrorResponseException gone() {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This subscription no longer exists"), null);
	}

	private static String label(Subscription subscription) {
		return (subscription.name() != null) ? subscription.name() : subscription.id().toString();
	}

	private static String page(String title, String body) {
		return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body
				+ "</body></html>";
	}

}
