package org.stancewatch.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one fetch.
 *
 * @param connectTimeout time to open the TCP (and TLS) connection
 * @param readTimeout longest silence between two packets of the response
 * @param totalTimeout hard limit for the whole fetch, redirects and body included, so a
 * server dripping one byte a second is cut off too
 * @param maxBytes largest body accepted, counted after gzip/deflate decoding
 * @param maxRedirects redirects followed before giving up
 * @param allowPrivateAddresses when true, loopback, private and link-local addresses may
 * be fetched (tests and the local demo); never in production
 * @param userAgent the User-Agent header, naming stancewatch
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBytes,
		int maxRedirects, boolean allowPrivateAddresses, String userAgent) {

	public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

	public static final String DEFAULT_USER_AGENT = "stancewatch/0.1 (news feed monitor; +https://github.com/stancewatch/stancewatch)";

	public FetchSettings {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(readTimeout, "readTimeout");
		Objects.requireNonNull(totalTimeout, "totalTimeout");
		Objects.requireNonNull(userAgent, "userAgent");
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
				|| totalTimeout.isNegative() || totalTimeout.isZero()) {
			throw new IllegalArgumentException("timeouts must be positive");
		}
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
		}
		if (maxRedirects < 0) {
			throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
		}
		if (userAgent.isBlank()) {
			throw new IllegalArgumentException("userAgent must not be blank");
		}
	}

	/**
	 * 10 s connect, 20 s read, 30 s total, 10 MiB, 5 redirects, public addresses only.
	 */
	public static FetchSettings defaults() {
		return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
				DEFAULT_MAX_BYTES, 5, false, DEFAULT_USER_AGENT);
	}

	public FetchSettings withAllowPrivateAddresses(boolean allow) {
		return new FetchSettings(this.connectTimeout, this.readTimeout, this.totalTimeout, this.maxBytes,
				this.maxRedirects, allow, this.userAgent);
	}

	public FetchSettings withMaxBytes(long maxBytes) {
		return new FetchSettings(this.connectTimeout, this.readTimeout, this.totalTimeout, maxBytes, this.maxRedirects,
				this.allowPrivateAddresses, this.userAgent);
	}

	public FetchSettings withTimeouts(Duration connect, Duration read, Duration total) {
		return new FetchSettings(connect, read, total, this.maxBytes, this.maxRedirects, this.allowPrivateAddresses,
				this.userAgent);
	}

}
