package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

import org.apache.hc.core5.http.ContentType;
import org.jspecify.annotations.Nullable;

/**
 * What one fetch gave: a body, "not modified", "gone", "come back later", or a failure
 * with a reason a person can read.
 */
public sealed interface FetchResult {

	/**
	 * A 2xx response with its body.
	 *
	 * @param body the decoded body (gzip/deflate already undone), at most the configured
	 * limit
	 * @param contentType the Content-Type header as sent, e.g.
	 * {@code application/rss+xml; charset=utf-8}
	 * @param etag the new ETag, to send back as If-None-Match next time
	 * @param lastModified the new Last-Modified, to send back as If-Modified-Since
	 * @param finalUrl the URL the body came from, after redirects
	 * @param permanentRedirect where the feed has moved for good: set when every redirect
	 * from the requested URL up to this one was a 301 or 308
	 */
	record Ok(byte[] body, @Nullable String contentType, @Nullable String etag, @Nullable String lastModified,
			URI finalUrl, @Nullable URI permanentRedirect) implements FetchResult {

		/** The charset named in the Content-Type header, or {@code null}. */
		public @Nullable Charset charset() {
			if (this.contentType == null) {
				return null;
			}
			try {
				return ContentType.parse(this.contentType).getCharset();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		/** The media type without parameters, lower case, or {@code null}. */
		public @Nullable String mimeType() {
			if (this.contentType == null) {
				return null;
			}
			try {
				return ContentType.parse(this.contentType).getMimeType().toLowerCase(java.util.Locale.ROOT);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

	/**
	 * A 304: nothing new. The validators are those of the 304 response when it sent them,
	 * else the ones we sent; store them either way.
	 */
	record NotModified(@Nullable String etag, @Nullable String lastModified,
			@Nullable URI permanentRedirect) implements FetchResult {
	}

	/** A 410: the feed or page is gone for good. */
	record Gone(URI finalUrl) implements FetchResult {
	}

	/**
	 * A 429 or 503.
	 *
	 * @param status the HTTP status
	 * @param retryAfter how long the server asked us to wait, from Retry-After in seconds
	 * or as an HTTP date; {@code null} when absent or unreadable
	 */
	record Throttled(int status, @Nullable Duration retryAfter) implements FetchResult {
	}

	/**
	 * The fetch failed.
	 *
	 * @param kind what kind of failure, for metrics and backoff decisions
	 * @param reason what went wrong, in words, for the feed's error column
	 * @param url the URL that failed (after redirects)
	 * @param status the HTTP status when the server answered with one, else 0
	 */
	record Failed(FailureKind kind, String reason, URI url, int status) implements FetchResult {

		/** A failure without an HTTP status. */
		public Failed(FailureKind kind, String reason, URI url) {
			this(kind, reason, url, 0);
		}

	}

	/** Kinds of failed fetches. */
	enum FailureKind {

		/**
		 * A status other than 2xx, 304, 410, 429 and 503, or a redirect without Location.
		 */
		HTTP_STATUS,
		/** Connect, read or total time limit. */
		TIMEOUT,
		/** The body is larger than the limit, counted after decompression. */
		TOO_LARGE,
		/** The connection closed before the declared body length. */
		TRUNCATED,
		/**
		 * The host resolves to a loopback, private, link-local or other refused address.
		 */
		REFUSED_ADDRESS,
		/** Not http or https. */
		UNSUPPORTED_SCHEME,
		/** More redirects than allowed. */
		TOO_MANY_REDIRECTS,
		/** The host name does not resolve. */
		DNS,
		/** TLS handshake or certificate problem. */
		TLS,
		/** Connection refused or reset. */
		CONNECTION,
		/** Malformed HTTP or an unusable URL. */
		PROTOCOL,
		/** Any other I/O failure. */
		IO

	}

}
