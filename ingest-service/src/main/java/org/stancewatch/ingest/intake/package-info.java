/**
 * Where articles come in and are kept: storing each once with its near-duplicate link and
 * its outbox message, the {@code POST /api/articles} endpoint and the file import.
 */
@NullMarked
package org.stancewatch.ingest.intake;

import org.jspecify.annotations.NullMarked;
