package org.stancewatch.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas in src/main/resources/schemas are what a downstream team reads; these
 * tests keep them and the records in step.
 */
class EventSchemaTests {

	private static final String BASE = "https://stancewatch.org/schemas/";

	private static final Map<Class<?>, String> SCHEMAS = Map.of(Article.class, "article.schema.json",
			RelationChange.class, "relation-change.schema.json", StanceShift.class, "stance-shift.schema.json",
			DyadStance.class, "dyad-stance.schema.json");

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(BASE, "classpath:schemas/")));

	static Iterable<Object> events() {
		return EventFixtures.oneOfEach();
	}

	@ParameterizedTest
	@MethodSource("events")
	void serialisedEventsMatchTheirSchema(Object event) {
		assertThat(errors(event.getClass(), EventJson.mapper().valueToTree(event))).isEmpty();
	}

	@Test
	void aRelationChangeWithoutAnActorOrWithALowercaseCodeIsInvalid() {
		ObjectNode json = EventJson.mapper().valueToTree(EventFixtures.aRecognition("RU"));
		assertThat(errors(RelationChange.class, json.deepCopy().put("actor", "ru"))).isNotEmpty();
		ObjectNode withoutActor = json.deepCopy();
		withoutActor.remove("actor");
		assertThat(errors(RelationChange.class, withoutActor)).extracting(Error::getMessage)
			.anyMatch((message) -> message.contains("actor"));
	}

	@Test
	void theSchemaListsExactlyTheActionVocabulary() {
		JsonNode schema = EventJson.mapper()
			.readTree(getClass().getResourceAsStream("/schemas/relation-change.schema.json"));
		List<String> inSchema = schema.at("/$defs/action/enum").valueStream().map(JsonNode::asString).toList();
		assertThat(inSchema).containsExactlyElementsOf(Arrays.stream(Action.values()).map(Action::name).toList());
	}

	@Test
	void theAsyncApiDocumentNamesEveryTopic() throws Exception {
		String asyncApi = new String(getClass().getResourceAsStream("/asyncapi.yaml").readAllBytes());
		assertThat(asyncApi).contains(Topics.ARTICLES, Topics.RELATION_CHANGES, Topics.STANCE_SHIFTS, Topics.STANCE);
		assertThat(Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toList()))
			.allMatch(asyncApi::contains);
	}

	private static List<Error> errors(Class<?> type, JsonNode json) {
		Schema schema = registry.getSchema(SchemaLocation.of(BASE + SCHEMAS.get(type)));
		return schema.validate(json);
	}

}
