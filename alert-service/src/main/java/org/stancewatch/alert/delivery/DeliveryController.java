package org.stancewatch.alert.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.stancewatch.alert.subscription.ApiKeyAuthentication;
import org.stancewatch.alert.subscription.SignedTokens;
import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.alert.subscription.SubscriptionRepository;
import org.stancewatch.alert.subscription.Subscriptions;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.DatePrecision;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.Status;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subscription's deliveries: test message, history, resend, and its Atom feed. */
@RestController
@SecurityRequirement(name = "apiKey")
class DeliveryController {

	private static final int SHOWN = 100;

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final DeliveryWorker worker;

	private final ApiKeyAuthentication authentication;

	private final SignedTokens tokens;

	private final String publicUrl;

	DeliveryController(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryWorker worker,
			ApiKeyAuthentication authentication, SignedTokens tokens,
			@Value("${stancewatch.alert.public-url:http://localhost:8080}") String publicUrl) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.worker = worker;
		this.authentication = authentication;
		this.tokens = tokens;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Sends a test message now and answers with its delivery, attempt included. */
	@PostMapping("/api/subscriptions/{id}/test")
	DeliveryView test(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber, @PathVariable UUID id) {
		Subscription subscription = owned(subscriber, id);
		StanceShift sample = sampleShift(subscription);
		UUID deliveryId = this.worker.sendTest(id, sample);
		return this.deliveries.list(id, deliveryId, 1).get(0);
	}

	@GetMapping("/api/subscriptions/{id}/deliveries")
	List<DeliveryView> list(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber, @PathVariable UUID id) {
		owned(subscriber, id);
		return this.deliveries.list(id, null, SHOWN);
	}

	@PostMapping("/api/subscriptions/{id}/deliveries/{deliveryId}/resend")
	ResponseEntity<DeliveryView> resend(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber,
			@PathVariable UUID id, @PathVariable UUID deliveryId) {
		owned(subscriber, id);
		List<DeliveryView> found = this.deliveries.list(id, deliveryId, 1);
		if (found.isEmpty()) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No delivery " + deliveryId), null);
		}
		if (!this.deliveries.resend(id, deliveryId)) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Only a failed delivery can be re-sent; this one is " + found.get(0).status()), null);
		}
		return ResponseEntity.accepted().body(this.deliveries.list(id, deliveryId, 1).get(0));
	}

	/** Readable with the subscriber key or with the feed token from the subscription. */
	@GetMapping(path = "/api/subscriptions/{id}/feed.atom", produces = AtomFeed.MEDIA_TYPE)
	String feed(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token,
			HttpServletRequest request) {
		boolean tokenValid = token != null
				&& this.tokens.verify(SignedTokens.Purpose.FEED, token).filter(id::equals).isPresent();
		Subscription subscription;
		if (tokenValid) {
			subscription = this.subscriptions.find(id).orElseThrow(() -> Subscriptions.notFound(id));
		}
		else {
			UUID subscriber = this.authentication.subscriber(request)
				.orElseThrow(() -> ApiKeyAuthentication
					.unauthorized("This feed needs its token (?token=...) or a subscriber API key"));
			subscription = owned(subscriber, id);
		}
		List<StanceShift> shifts = this.deliveries.recentAlerts(id, 50);
		List<AlertContent> alerts = shifts.stream()
			.map((shift) -> AlertContent.of(shift, DeliveryKind.ALERT, this.publicUrl))
			.toList();
		return AtomFeed.write(subscription, this.publicUrl + "/api/subscriptions/" + id + "/feed.atom", shifts, alerts);
	}

	private Subscription owned(UUID subscriber, UUID id) {
		return this.subscriptions.findOwned(subscriber, id).orElseThrow(() -> Subscriptions.notFound(id));
	}

	private StanceShift sampleShift(Subscription subscription) {
		String actor = subscription.filter().actors().stream().sorted().findFirst().orElse("RU");
		String target = subscription.filter().target();
		return new StanceShift("test-" + UUID.randomUUID(), StanceShift.Kind.SHIFT, actor, target, Level.ENGAGED,
				Level.NORMALIZED, Action.APPOINT_AMBASSADOR, Status.COMPLETED, LocalDate.now(ZoneOffset.UTC),
				DatePrecision.DAY, "test",
				"A sample sentence for this test: the foreign ministry said it had sent an ambassador.",
				List.of(new StanceShift.Source(this.publicUrl + "/api/stances/" + actor, "stancewatch test message",
						"stancewatch", Instant.now())),
				1.0, false, Instant.now());
	}

}
