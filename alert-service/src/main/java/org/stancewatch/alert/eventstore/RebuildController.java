package org.stancewatch.alert.eventstore;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import org.stancewatch.alert.eventstore.StanceRebuild.RebuildResult;
import org.stancewatch.alert.subscription.ApiKeyAuthentication;

/** {@code POST /api/admin/rebuild}: the projection folded again from the event store. */
@RestController
class RebuildController {

	private final StanceRebuild rebuild;

	private final ApiKeyAuthentication authentication;

	RebuildController(StanceRebuild rebuild, ApiKeyAuthentication authentication) {
		this.rebuild = rebuild;
		this.authentication = authentication;
	}

	@PostMapping("/api/admin/rebuild")
	RebuildResult rebuild(HttpServletRequest request) {
		this.authentication.requireAdmin(request);
		return this.rebuild.rebuild();
	}

}
