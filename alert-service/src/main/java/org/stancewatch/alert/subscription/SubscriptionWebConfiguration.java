package org.stancewatch.alert.subscription;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the key check in front of our paths only. The feed authenticates itself, since it
 * also takes a feed token in the URL (feed readers cannot send headers).
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = SubscriptionWebConfiguration.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "A subscriber's API key; the admin key (ALERT_ADMIN_KEY) for /api/subscribers")
class SubscriptionWebConfiguration implements WebMvcConfigurer {

	/** Name of the bearer-key scheme in the OpenAPI document. */
	public static final String API_KEY = "apiKey";

	private final ApiKeyAuthentication authentication;

	SubscriptionWebConfiguration(ApiKeyAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.authentication))
			.addPathPatterns("/api/subscribers", "/api/subscribers/**", "/api/subscriptions", "/api/subscriptions/**")
			.excludePathPatterns("/api/subscriptions/*/feed.atom");
	}

}
