/**
 * The stance of a state toward a government as a pure fold over its observed acts:
 * corroboration of observations into acts, standing facts, tone, level and the shifts
 * between levels. Values in, values out: no Spring, no SQL, no Kafka.
 */
@NullMarked
package org.stancewatch.alert.stance;

import org.jspecify.annotations.NullMarked;
