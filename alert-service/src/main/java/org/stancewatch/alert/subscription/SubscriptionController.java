package org.stancewatch.alert.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Level;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscriber's own subscriptions. Another subscriber's id answers 404, like an id that
 * does not exist, so that ids do not leak.
 */
@RestController
@SecurityRequirement(name = SubscriptionWebConfiguration.API_KEY)
class SubscriptionController {

	private final SubscriptionRepository subscriptions;

	private final SignedTokens tokens;

	private final String publicUrl;

	private final boolean allowPrivateAddresses;

	SubscriptionController(SubscriptionRepository subscriptions, SignedTokens tokens,
			@Value("${stancewatch.alert.public-url:http://localhost:8080}") String publicUrl,
			@Value("${stancewatch.alert.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.allowPrivateAddresses = allowPrivateAddresses;
	}

	@PostMapping("/api/subscriptions")
	ResponseEntity<SubscriptionView> create(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber,
			@Valid @RequestBody SubscriptionRequest request) {
		request.checkChannel(this.allowPrivateAddresses);
		ChannelType type = request.channel().type();
		String secret = (type == ChannelType.WEBHOOK) ? Secrets.newWebhookSecret() : null;
		Subscription subscription = new Subscription(UUID.randomUUID(), subscriber, request.name(), request.filter(),
				new Channel(type, request.address(), secret), Subscription.Status.ACTIVE, null, null, null,
				Instant.now());
		this.subscriptions.insert(subscription);
		Subscription stored = this.subscriptions.findOwned(subscriber, subscription.id()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/subscriptions/" + stored.id())).body(view(stored, secret));
	}

	@GetMapping("/api/subscriptions")
	List<SubscriptionView> list(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber) {
		return this.subscriptions.listOwned(subscriber).stream().map((s) -> view(s, null)).toList();
	}

	@GetMapping("/api/subscriptions/{id}")
	SubscriptionView read(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber, @PathVariable UUID id) {
		return view(owned(subscriber, id), null);
	}

	@PutMapping("/api/subscriptions/{id}")
	SubscriptionView update(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber, @PathVariable UUID id,
			@Valid @RequestBody SubscriptionRequest request) {
		Subscription existing = owned(subscriber, id);
		if (existing.channel().type() != request.channel().type()) {
			throw new InvalidRequest(List.of(new InvalidRequest.FieldProblem("channel.type",
					"cannot change from " + existing.channel().type() + "; create a new subscription instead")));
		}
		request.checkChannel(this.allowPrivateAddresses);
		boolean active = (request.active() != null) ? request.active() : existing.isActive();
		this.subscriptions.update(subscriber, id, request.name(), request.filter(), request.address(), active);
		return view(owned(subscriber, id), null);
	}

	@DeleteMapping("/api/subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@RequestAttribute(ApiKeyAuthentication.SUBSCRIBER) UUID subscriber, @PathVariable UUID id) {
		if (!this.subscriptions.delete(subscriber, id)) {
			throw Subscriptions.notFound(id);
		}
	}

	private Subscription owned(UUID subscriber, UUID id) {
		return this.subscriptions.findOwned(subscriber, id).orElseThrow(() -> Subscriptions.notFound(id));
	}

	private SubscriptionView view(Subscription s, @Nullable String newSecret) {
		SubscriptionFilter f = s.filter();
		Channel c = s.channel();
		ChannelView channel = new ChannelView(c.type(), (c.type() != ChannelType.EMAIL) ? c.address() : null,
				(c.type() == ChannelType.EMAIL) ? c.address() : null);
		String feedUrl = this.publicUrl + "/api/subscriptions/" + s.id() + "/feed.atom?token="
				+ this.tokens.issue(SignedTokens.Purpose.FEED, s.id());
		return new SubscriptionView(s.id(), s.name(), f.actors(), f.target(), f.directions(), f.levels(), f.actions(),
				f.includeSignals(), f.minConfidence(), f.minSources(), f.backfill(), channel, s.status(),
				s.disabledReason(), s.disabledAt(), s.failingSince(), s.createdAt(), feedUrl, newSecret);
	}

	/**
	 * @param webhookSecret the signing secret, present only in the answer that created
	 * the subscription
	 * @param feedUrl the Atom feed of its alerts, readable without a key
	 */
	record SubscriptionView(UUID id, @Nullable String name, Set<String> actors, String target,
			Set<Direction> directions, Set<Level> levels, Set<Action> actions, boolean includeSignals,
			double minConfidence, int minSources, boolean backfill, ChannelView channel, Subscription.Status status,
			@Nullable String disabledReason, @Nullable Instant disabledAt, @Nullable Instant failingSince,
			Instant createdAt, String feedUrl,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String webhookSecret) {
	}

	record ChannelView(ChannelType type, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String url,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String email) {
	}

}
