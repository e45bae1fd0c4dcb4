package org.stancewatch.alert.subscription;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Early feedback on a webhook URL. The real guard runs at connect time, when the name is
 * resolved; this only refuses what is wrong on its face.
 */
final class WebhookUrls {

	private WebhookUrls() {
	}

	/** What is wrong with the URL, or null. */
	static @Nullable String problem(@Nullable String url, boolean allowPrivateAddresses) {
		if (url == null || url.isBlank()) {
			return "a webhook or chat channel needs a URL";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "not a URL: " + ex.getReason();
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
			return "must be an http or https URL";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "must name a host";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not carry a user name or password";
		}
		if (!allowPrivateAddresses && BlockedAddresses.isBlockedLiteral(uri.getHost())) {
			return "points to a loopback, private or link-local address, which this server does not call";
		}
		return null;
	}

}
