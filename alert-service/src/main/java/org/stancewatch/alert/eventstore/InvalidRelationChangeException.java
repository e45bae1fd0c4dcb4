package org.stancewatch.alert.eventstore;

/**
 * A record on the relation-changes topic that can never be processed: it goes to the
 * dead-letter topic at once, with this message as the reason.
 */
class InvalidRelationChangeException extends RuntimeException {

	InvalidRelationChangeException(String message) {
		super(message);
	}

	InvalidRelationChangeException(String message, Throwable cause) {
		super(message, cause);
	}

}
