/**
 * The events the services exchange through Kafka, their topics and vocabulary. Plain
 * Java: the only code the services share.
 */
@NullMarked
package org.stancewatch.contracts;

import org.jspecify.annotations.NullMarked;
