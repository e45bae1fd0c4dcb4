package org.stancewatch.alert.eventstore;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.alert.eventstore.StanceRebuild.RebuildResult;

/** {@code POST /api/admin/rebuild}: the projection folded again from the event store. */
@RestController
class RebuildController {

	private final StanceRebuild rebuild;

	private final AlertProperties properties;

	RebuildController(StanceRebuild rebuild, AlertProperties properties) {
		this.rebuild = rebuild;
		this.properties = properties;
	}

	@PostMapping("/api/admin/rebuild")
	RebuildResult rebuild(
			@RequestHeader(name = AlertProperties.ADMIN_KEY_HEADER, required = false) @Nullable String key) {
		if (this.properties.adminKey().isBlank()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"The admin API is disabled: set stancewatch.alert.admin-key (env ALERT_ADMIN_KEY)");
		}
		if (!this.properties.isAdminKey(key)) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
					"Send the admin key in the " + AlertProperties.ADMIN_KEY_HEADER + " header");
		}
		return this.rebuild.rebuild();
	}

}
