package org.stancewatch.ingest.article;

/**
 * A body that is not a readable feed. The message says why, in words fit for the feed's
 * error column.
 */
public class FeedParseException extends Exception {

	FeedParseException(String message, Throwable cause) {
		super(message, cause);
	}

	FeedParseException(String message) {
		super(message);
	}

}
