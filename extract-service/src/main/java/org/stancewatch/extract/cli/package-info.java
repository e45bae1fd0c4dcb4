/**
 * The command line: {@code extract [--rules-dir DIR] PATH...} runs the rule engine over
 * article files and prints one relation-change JSON per line, without starting Spring.
 */
@NullMarked
package org.stancewatch.extract.cli;

import org.jspecify.annotations.NullMarked;
