package org.stancewatch.alert.delivery;

/** A real alert, or a test message asked for by the subscriber. */
public enum DeliveryKind {

	ALERT, TEST

}
