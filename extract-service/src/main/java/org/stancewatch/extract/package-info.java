@NullMarked
package org.stancewatch.extract;

import org.jspecify.annotations.NullMarked;
