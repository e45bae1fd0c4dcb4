/** Alerts by e-mail, with a one-click unsubscribe link. */
@NullMarked
package org.stancewatch.alert.delivery.email;

import org.jspecify.annotations.NullMarked;
