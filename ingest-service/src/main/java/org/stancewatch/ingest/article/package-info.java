/**
 * Articles: parsing feeds, normalising entries, near-duplicate detection, full text,
 * storage.
 */
@NullMarked
package org.stancewatch.ingest.article;

import org.jspecify.annotations.NullMarked;
