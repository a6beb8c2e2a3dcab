package org.origins.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON read with the streaming parser gives the tree Jackson's ObjectMapper gives, node types included. */
class JsonTreeTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static JsonNode ours(String json) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = JsonDoc.parse(Path.of("t.json"), json.getBytes(StandardCharsets.UTF_8), problems)
                .map(JsonDoc::root).orElse(null);
        assertThat(problems).as(json).isEmpty();
        return root;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"b\": [1, 2.5, -3, 1e3, 1E-2, 0.1], \"c\": {\"d\": null, \"e\": true, \"f\": false}}",
            "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"neg\": -9223372036854775809}",
            "{\"huge\": 1e400, \"tiny\": 1e-400, \"zero\": -0.0}",
            "{\"text\": \"思维链 \\u00e9\\n\\\"quoted\\\"\", \"empty\": \"\", \"list\": [], \"object\": {}}",
            "[{\"nested\": [[[{}]]]}]", "\"a bare string\"", "42"})
    void sameTreeAsObjectMapper(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = ours(json);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void sameTreesForEveryFactFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("facts"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            String json = Files.readString(f);
            assertThat(ours(json)).as(f.toString()).isEqualTo(MAPPER.readTree(json));
        }
    }

    @Test
    void trailingContentAndDuplicateKeysAreSyntaxErrorsWithTheirPlace() {
        for (String json : new String[] {"{\"a\": 1} {\"b\": 2}", "{\"a\": 1}\n}", "{\"a\": 1, \"a\": 2}"}) {
            List<Problem> problems = new ArrayList<>();
            assertThat(JsonDoc.parse(Path.of("t.json"), json.getBytes(StandardCharsets.UTF_8), problems)).as(json).isEmpty();
            assertThat(problems).as(json).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("JSON syntax error"))
                    .satisfies(p -> assertThat(p.line()).isPositive());
        }
    }
}
