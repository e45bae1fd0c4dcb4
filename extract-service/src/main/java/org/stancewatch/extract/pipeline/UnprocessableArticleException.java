package org.stancewatch.extract.pipeline;

/**
 * A record that will fail the same way however often it is tried: not an article, an
 * article without its required fields, or one the engine cannot read. It goes straight to
 * the dead-letter topic, the message saying why.
 */
class UnprocessableArticleException extends RuntimeException {

	UnprocessableArticleException(String message) {
		super(message);
	}

	UnprocessableArticleException(String message, Throwable cause) {
		super(message, cause);
	}

}
