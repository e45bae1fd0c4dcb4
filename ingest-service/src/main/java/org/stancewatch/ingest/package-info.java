@NullMarked
package org.stancewatch.ingest;

import org.jspecify.annotations.NullMarked;
