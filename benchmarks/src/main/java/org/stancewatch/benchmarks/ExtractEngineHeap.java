package org.stancewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.stancewatch.extract.rules.Dictionaries;
import org.stancewatch.extract.rules.RuleEngine;

/**
 * The heap the rule engine keeps: its dictionaries and compiled rules, measured as the
 * used heap after full collections before and after building it (JOL's graph walk cannot
 * enter the hidden lambda classes inside compiled regular expressions on JDK 17). Target:
 * at most 64 MB. Run with {@code -XX:+UseSerialGC} so that a collection is a full one.
 */
public final class ExtractEngineHeap {

	private static final double MB = 1024.0 * 1024.0;

	private ExtractEngineHeap() {
	}

	public static void main(String[] args) {
		long before = usedAfterGc();
		RuleEngine first = new RuleEngine(Dictionaries.fromClasspath());
		long afterFirst = usedAfterGc();
		// A second engine: the classes and constants the first one loaded are shared, so
		// this is what the dictionaries and compiled rules of one engine hold.
		RuleEngine second = new RuleEngine(Dictionaries.fromClasspath());
		long afterSecond = usedAfterGc();
		System.out.printf("used heap after GC: %.2f MB before, %.2f MB with one engine, %.2f MB with two%n",
				before / MB, afterFirst / MB, afterSecond / MB);
		System.out.printf("first engine, with the classes it loaded: %.2f MB%n", (afterFirst - before) / MB);
		System.out.printf("one engine's dictionaries and rules: %.2f MB (target: at most 64 MB)%n",
				(afterSecond - afterFirst) / MB);
		// Keep both engines reachable until the last measurement.
		System.out.println(first.version() + " " + second.version());
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
