/**
 * From fetched bytes to contract {@code Article}s: feed parsing (ROME), URL
 * canonicalisation, HTML to text, ids and hashes, near-duplicate fingerprints and
 * full-text extraction from article pages.
 */
@NullMarked
package org.stancewatch.ingest.article;

import org.jspecify.annotations.NullMarked;
