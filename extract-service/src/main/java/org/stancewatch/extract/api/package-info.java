/**
 * The try-out endpoint: {@code POST /api/extract} runs the rule engine over one text and
 * returns the events, so an analyst can see how a text is read.
 */
@NullMarked
package org.stancewatch.extract.api;

import org.jspecify.annotations.NullMarked;
