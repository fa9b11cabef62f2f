package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="ECS"}: the golden lines (dotted and nested), and every field written checked
 * against the ECS 9.4.0 field reference ({@code shared/specs/ecs-9.4.0-fields.csv}): its name exists
 * with a type the JSON value can be indexed as, or it is one of the documented custom fields: the
 * entries under {@code labels} (strings, ECS's keyword-only custom fields) and a
 * {@code StructuredMessage}'s typed fields at the root (as Elastic's own loggers write them).
 */
class EcsSchemaTest {
    /** The typed fields of the corpus's structured messages: the only custom fields at the root. */
    private static final Set<String> TYPED_FIELDS = Set.of("orderId", "amount", "paid", "sku", "id", "order total", "note", "late");

    @Test
    void golden() {
        SchemaCorpus.assertGolden("ecs", SchemaCorpus.layout("ECS", builder -> builder));
    }

    @Test
    void goldenNested() {
        SchemaCorpus.assertGolden("ecs-nested", SchemaCorpus.layout("ECS", builder -> builder.setEcsNested(true)));
    }

    @Test
    void schemaIsTheBundledTemplate() {
        PooledJsonLayout viaUri = PooledJsonLayout.newBuilder().setConfiguration(SchemaCorpus.CONFIGURATION)
                .setEventTemplateUri("classpath:log4jpool-ecs.json").setLocationInfoEnabled(true).setServiceName("shop")
                .setServiceVersion("1.4.2").setServiceEnvironment("production").setEventDataset("shop.log")
                .setGcpProjectId("my-project").build();
        assertEquals(SchemaCorpus.lines(viaUri), SchemaCorpus.lines(SchemaCorpus.layout("ecs", builder -> builder)));
    }

    @Test
    void everyFieldIsInTheEcsReference() throws IOException {
        Map<String, String> ecs = reference();
        assertEquals("date", ecs.get("@timestamp"), "the reference is read");
        for (boolean nested : new boolean[] {false, true}) {
            Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("ECS", builder -> builder.setEcsNested(nested)));
            lines.forEach((event, line) -> check(ecs, event + (nested ? " (nested)" : ""), "", line));
        }
    }

    @Test
    void withoutAttributesOrLocationTheMembersAreLeftOut() {
        PooledJsonLayout bare = PooledJsonLayout.newBuilder().setConfiguration(SchemaCorpus.CONFIGURATION).setSchema("ECS").build();
        JsonNode line = LayoutTesting.encode(bare, SchemaCorpus.events().get("everything").get());
        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version", "process.thread.name", "log.logger",
                "trace.id", "span.id", "labels", "tags", "error.type", "error.message", "error.stack_trace", "orderId", "late"),
                Json.keys(line));
    }

    @Test
    void typedFieldsKeepTheirTypes() {
        JsonNode line = SchemaCorpus.lines(SchemaCorpus.layout("ECS", builder -> builder)).get("structured");
        assertTrue(line.get("orderId").isIntegralNumber());
        assertTrue(line.get("amount").isDouble());
        assertTrue(line.get("paid").isBoolean());
        assertTrue(line.get("sku").isTextual());
        assertTrue(line.get("note").isNull());
        assertEquals("order placed", line.get("message").asText(), "the text without the fields");
    }

    @Test
    void traceContextInTracingFields() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("ECS", builder -> builder));
        JsonNode traced = lines.get("trace");
        assertEquals(SchemaCorpus.TRACE, traced.get("trace.id").asText());
        assertEquals(SchemaCorpus.SPAN, traced.get("span.id").asText());
        assertEquals("{\"trace_flags\":\"01\",\"user\":\"alice\"}", traced.get("labels").toString(),
                "the ids are not labels too; the flags, which ECS has no field for, stay there: nothing is lost");
        assertFalse(lines.get("plain").has("trace.id"));
        assertFalse(lines.get("invalid trace id").has("trace.id"));
        assertEquals("not-a-trace", lines.get("invalid trace id").get("labels").get("trace_id").asText(),
                "an id trace.id cannot take stays in labels: nothing is lost");
        JsonNode mdc = lines.get("mdc");
        assertEquals("a5c4a2b4f1b2c3d4", mdc.get("transaction.id").asText(), "Elastic APM's transaction.id from the context");
        assertFalse(mdc.get("labels").has("transaction.id"));
    }

    private static void check(Map<String, String> ecs, String event, String prefix, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String field = prefix + member.getKey();
            JsonNode value = member.getValue();
            String type = ecs.get(field);
            if (field.equals("labels")) {
                assertTrue(value.isObject(), event + ": labels");
                value.fields().forEachRemaining(label -> assertTrue(label.getValue().isTextual(),
                        event + ": labels." + label.getKey() + " must be a keyword (string), is " + label.getValue()));
            } else if (type == null && value.isObject() && isFieldSet(ecs, field)) {
                check(ecs, event, field + ".", value); // a nested object of ECS fields
            } else if (type == null) {
                assertTrue(prefix.isEmpty() && TYPED_FIELDS.contains(field),
                        event + ": " + field + " is neither an ECS 9.4.0 field nor a documented custom field");
            } else {
                assertTrue(compatible(type, value), event + ": " + field + " is " + type + " in ECS; written " + value);
            }
        }
    }

    /** Whether {@code field} is a prefix of ECS fields ({@code log}, {@code log.origin}). */
    private static boolean isFieldSet(Map<String, String> ecs, String field) {
        for (String name : ecs.keySet()) {
            if (name.startsWith(field + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether Elasticsearch indexes {@code value} as the ECS {@code type} without a mapping conflict. */
    private static boolean compatible(String type, JsonNode value) {
        switch (type) {
            case "keyword":
            case "constant_keyword":
            case "wildcard":
            case "match_only_text":
            case "text":
                return value.isTextual() || value.isArray() && allTextual(value);
            case "date":
                return value.isTextual();
            case "long":
            case "integer":
            case "short":
            case "byte":
            case "unsigned_long":
                return value.isIntegralNumber();
            case "float":
            case "double":
            case "scaled_float":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "object":
            case "flattened":
            case "nested":
                return value.isObject();
            default:
                fail("unexpected ECS type " + type);
                return false;
        }
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /**
     * ECS field name to type, from the reference CSV (ecs_version,field,type,level,normalization): a
     * copy of the project's {@code shared/specs/ecs-9.4.0-fields.csv} in the test resources, so the
     * test runs anywhere; when the shared one is there, the copy must equal it.
     */
    static Map<String, String> reference() throws IOException {
        List<String> rows;
        try (java.io.InputStream in = EcsSchemaTest.class.getResourceAsStream("/ecs-9.4.0-fields.csv")) {
            assertNotNull(in, "ecs-9.4.0-fields.csv in the test resources");
            rows = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n"));
        }
        Path shared = Paths.get("../../shared/specs/ecs-9.4.0-fields.csv");
        if (Files.exists(shared)) {
            assertEquals(Files.readAllLines(shared, StandardCharsets.UTF_8), rows, "the copy of " + shared.toAbsolutePath());
        }
        Map<String, String> types = new HashMap<>();
        assertEquals("ecs_version,field,type,level,normalization", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split(",", -1);
            assertEquals("9.4.0", columns[0], row);
            types.put(columns[1], columns[2]);
        }
        assertNotNull(types.get("trace.id"));
        return types;
    }
}
