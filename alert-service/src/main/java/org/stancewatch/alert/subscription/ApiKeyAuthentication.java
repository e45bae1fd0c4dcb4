package org.stancewatch.alert.subscription;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.stancewatch.alert.AlertProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who is calling: the operator (admin key from {@code ALERT_ADMIN_KEY}) or a subscriber
 * (its API key), both as {@code Authorization: Bearer ...}. Spring Security would be a
 * second, global filter chain for two string comparisons, and would lock every other
 * endpoint of this service by default; a small interceptor keeps it to our paths.
 */
@Component
public class ApiKeyAuthentication {

	/** Request attribute holding the authenticated subscriber's id (a {@link UUID}). */
	public static final String SUBSCRIBER = "org.stancewatch.alert.subscription.subscriber";

	private final AlertProperties properties;

	private final SubscriberRepository subscribers;

	ApiKeyAuthentication(AlertProperties properties, SubscriberRepository subscribers) {
		this.properties = properties;
		this.subscribers = subscribers;
	}

	/** Every admin API (subscribers, rebuild) takes the admin key the same way. */
	public void requireAdmin(HttpServletRequest request) {
		if (this.properties.adminKey().isBlank()) {
			throw unauthorized("Administration is off: set ALERT_ADMIN_KEY (stancewatch.alert.admin-key)");
		}
		if (!this.properties.isAdminKey(bearer(request).orElse(null))) {
			throw unauthorized("This needs the admin key as 'Authorization: Bearer <key>'");
		}
	}

	/** The subscriber whose API key the request carries, if any. */
	public Optional<UUID> subscriber(HttpServletRequest request) {
		return bearer(request).flatMap((key) -> this.subscribers.findByApiKeyHash(Secrets.sha256(key)));
	}

	UUID requireSubscriber(HttpServletRequest request) {
		return subscriber(request)
			.orElseThrow(() -> unauthorized("This needs a subscriber API key as 'Authorization: Bearer <key>'"));
	}

	public static ErrorResponseException unauthorized(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return exception;
	}

	private static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String key = header.substring(7).trim();
		return key.isEmpty() ? Optional.empty() : Optional.of(key);
	}

}
