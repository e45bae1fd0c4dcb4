@NullMarked
package org.stancewatch.alert;

import org.jspecify.annotations.NullMarked;
