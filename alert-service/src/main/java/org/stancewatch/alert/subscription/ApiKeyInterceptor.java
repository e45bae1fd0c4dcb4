package org.stancewatch.alert.subscription;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admin key for {@code /api/subscribers}, subscriber key for {@code /api/subscriptions}.
 * Thrown errors reach the controller advice, so they are problem+json too.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

	private final ApiKeyAuthentication authentication;

	ApiKeyInterceptor(ApiKeyAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/subscribers")) {
			this.authentication.requireAdmin(request);
		}
		else {
			request.setAttribute(ApiKeyAuthentication.SUBSCRIBER, this.authentication.requireSubscriber(request));
		}
		return true;
	}

}
