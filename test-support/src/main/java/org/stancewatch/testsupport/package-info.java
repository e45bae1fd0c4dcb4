/**
 * Real Kafka and PostgreSQL for tests, chosen at run time and never skipped: addresses
 * given by environment, else Testcontainers where Docker runs, else an in-JVM KRaft
 * broker and an embedded PostgreSQL server.
 */
@NullMarked
package org.stancewatch.testsupport;

import org.jspecify.annotations.NullMarked;
