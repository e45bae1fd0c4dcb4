/**
 * Turns stance shifts into one delivery per matching subscription and sends them, with
 * retries, until they are delivered or given up.
 */
@NullMarked
package org.stancewatch.alert.delivery;

import org.jspecify.annotations.NullMarked;
