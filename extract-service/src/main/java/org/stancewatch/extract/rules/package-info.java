/**
 * The relation-change rule engine: plain Java, no Spring, no Kafka, no I/O inside it.
 */
@NullMarked
package org.stancewatch.extract.rules;

import org.jspecify.annotations.NullMarked;
