/**
 * Fetching feeds and article pages over HTTP with hard limits (time, decompressed size,
 * redirects) and a guard that refuses private, loopback and link-local addresses at
 * connect time.
 */
@NullMarked
package org.stancewatch.ingest.fetch;

import org.jspecify.annotations.NullMarked;
