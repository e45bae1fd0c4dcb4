package org.stancewatch.extract.pipeline;

import org.stancewatch.extract.ExtractApplication;

import org.springframework.boot.SpringApplication;

/**
 * The extract service as it is deployed, but with the {@link MarkerExtractor}: the main
 * class of the child processes that {@link ExtractServiceKilledMidStreamIT} kills.
 */
public final class ExtractServiceWithMarkerExtractor {

	private ExtractServiceWithMarkerExtractor() {
	}

	public static void main(String[] args) {
		SpringApplication.from(ExtractApplication::main).with(MarkerExtractorConfiguration.class).run(args);
	}

}
