package org.stancewatch.alert.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers shared by the subscription and delivery APIs. */
public final class Subscriptions {

	private Subscriptions() {
	}

	/** 404 for a subscription that does not exist or belongs to someone else. */
	public static ErrorResponseException notFound(UUID id) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No subscription " + id), null);
	}

}
