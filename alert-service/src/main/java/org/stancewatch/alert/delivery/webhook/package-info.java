/**
 * Standard Webhooks and Slack-compatible chat webhooks over a client that refuses private
 * addresses at connect time.
 */
@NullMarked
package org.stancewatch.alert.delivery.webhook;

import org.jspecify.annotations.NullMarked;
