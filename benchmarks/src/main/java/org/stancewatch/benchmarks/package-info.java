/**
 * Load generators that run the services as they run in production, as separate processes
 * against a real broker and database, and measure them from outside.
 */
@NullMarked
package org.stancewatch.benchmarks;

import org.jspecify.annotations.NullMarked;
