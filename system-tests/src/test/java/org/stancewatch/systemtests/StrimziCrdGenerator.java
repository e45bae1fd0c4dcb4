package org.stancewatch.systemtests;

import java.lang.reflect.Method;

/**
 * Entry point of the child JVM that runs Strimzi's CRD generator, whose class is not
 * public: {@code StrimziCrdGenerator [generator options] model.Class=out.yaml...}.
 */
final class StrimziCrdGenerator {

	private StrimziCrdGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Method main = Class.forName("io.strimzi.crdgenerator.CrdGenerator").getMethod("main", String[].class);
		main.setAccessible(true);
		main.invoke(null, (Object) args);
	}

}
