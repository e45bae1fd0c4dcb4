package org.stancewatch.extract;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rule engine.
 *
 * @param rulesDir a directory whose files replace the shipped rule files of the same name
 * (laid out like {@code src/main/resources/rules}); unset for the shipped rules
 */
@ConfigurationProperties("stancewatch.extract")
public record RulesProperties(@Nullable Path rulesDir) {

}
