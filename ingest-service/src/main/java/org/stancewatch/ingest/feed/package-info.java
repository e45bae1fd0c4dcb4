/**
 * The feed registry (REST, OPML) and the poller that reads each feed on its schedule.
 */
@NullMarked
package org.stancewatch.ingest.feed;

import org.jspecify.annotations.NullMarked;
