package org.stancewatch.ingest;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(IngestApplication.class, args);
	}

}
