package org.stancewatch.alert.subscription;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator creates subscribers; each gets its API key once. */
@RestController
@SecurityRequirement(name = SubscriptionWebConfiguration.API_KEY)
class SubscriberController {

	private final SubscriberRepository subscribers;

	SubscriberController(SubscriberRepository subscribers) {
		this.subscribers = subscribers;
	}

	@PostMapping("/api/subscribers")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedSubscriber create(@Valid @RequestBody NewSubscriber request) {
		UUID id = UUID.randomUUID();
		String apiKey = Secrets.newApiKey();
		this.subscribers.insert(id, request.name().strip(), Secrets.sha256(apiKey));
		return new CreatedSubscriber(id, request.name().strip(), apiKey);
	}

	record NewSubscriber(@NotBlank @Size(max = 200) String name) {
	}

	/**
	 * @param apiKey shown this once: only its hash is stored
	 */
	record CreatedSubscriber(UUID id, String name, String apiKey) {
	}

}
