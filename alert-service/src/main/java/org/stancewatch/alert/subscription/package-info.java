/**
 * Subscribers, their API keys and their subscriptions: which shifts they want and where.
 */
@NullMarked
package org.stancewatch.alert.subscription;

import org.jspecify.annotations.NullMarked;
