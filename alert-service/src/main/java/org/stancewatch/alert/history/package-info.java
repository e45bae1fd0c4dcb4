/**
 * The read API: current stances, a state's history (its acts, evidence, sources and the
 * level over time) and recent shifts, as JSON with problem+json errors.
 */
@NullMarked
package org.stancewatch.alert.history;

import org.jspecify.annotations.NullMarked;
