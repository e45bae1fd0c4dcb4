/**
 * The Kafka consume-transform-produce around the rule engine: articles in, relation
 * changes out, in one Kafka transaction with the consumer offsets; records that cannot be
 * processed go to the dead-letter topic with the reason.
 */
@NullMarked
package org.stancewatch.extract.pipeline;

import org.jspecify.annotations.NullMarked;
