package org.stancewatch.alert.subscription;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the key check in front of our paths only. The feed authenticates itself, since it
 * also takes a feed token in the URL (feed readers cannot send headers).
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionWebConfiguration implements WebMvcConfigurer {

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
