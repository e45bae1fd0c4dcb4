package org.stancewatch.extract;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.stancewatch.extract.cli.ExtractCommand;
import org.stancewatch.kafka.RecordTraces;

@SpringBootApplication
@Import(RecordTraces.class)
public class ExtractApplication {

	public static void main(String[] args) {
		if (args.length > 0 && ExtractCommand.NAME.equals(args[0])) {
			// The CLI runs without Spring: no banner, no broker, output only on stdout.
			System.exit(ExtractCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
		}
		SpringApplication.run(ExtractApplication.class, args);
	}

}
