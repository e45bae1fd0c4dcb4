/**
 * End-to-end tests: the three services as OS processes against a real broker and a real
 * PostgreSQL server, driven only through their HTTP APIs, feeds and webhooks.
 */
@NullMarked
package org.stancewatch.systemtests;

import org.jspecify.annotations.NullMarked;
