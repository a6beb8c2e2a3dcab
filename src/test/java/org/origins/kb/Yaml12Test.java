package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * YAML is read as YAML 1.2 (its core schema) says, not as YAML 1.1 did: no octal without "0o",
 * no "yes"/"on" booleans; aliases are the values of their anchors, in lists too; what YAML 1.2
 * does not have (merge keys), what cannot be read (recursive aliases, expansions without end) and
 * what would be dropped (a second document) are errors with their places.
 */
class Yaml12Test {
    private static JsonNode read(String yaml) throws Yaml12.Failure {
        return Yaml12.read(yaml.getBytes(StandardCharsets.UTF_8)).root();
    }

    private static Yaml12.Failure failure(String yaml) {
        return catchThrowableOfType(Yaml12.Failure.class, () -> read(yaml));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "0100 | 100", "0o17 | 15", "0x1F | 31", "-12 | -12", "+12 | 12", "1e3 | 1000.0", ".5 | 0.5",
            "1_000 | \"1_000\"", "yes | \"yes\"", "on | \"on\"", "no | \"no\"", "True | true", "FALSE | false",
            "~ | null", "Null | null", "\"true\" | \"true\"", "!!str 0100 | \"0100\"",
            "!!float 3 | 3.0", "1:20 | \"1:20\"", "2021-06 | \"2021-06\""})
    void scalarsAreTypedByTheCoreSchema(String yaml, String json) throws Yaml12.Failure {
        assertThat(read("v: " + yaml).get("v").toString()).isEqualTo(json);
    }

    @Test
    void quotedTextIsText() throws Yaml12.Failure {
        assertThat(read("v: '0100'").get("v").asText()).isEqualTo("0100");
        assertThat(read("v: \"1e3\"").get("v").isTextual()).isTrue();
    }

    @Test
    void infinityAndNotANumberAreNumbersTheRangeChecksRefuse() throws Yaml12.Failure {
        assertThat(read("v: .inf").get("v").asDouble()).isInfinite();
        assertThat(read("v: .NaN").get("v").asDouble()).isNaN();
    }

    @Test
    void anAliasIsItsAnchorsValueInAListToo() throws Yaml12.Failure {
        JsonNode root = read("""
                src: &s ESSAY
                corpus: &c [code, web-text]
                stages:
                  - sources: [*s]
                    corpus: *c
                  - *c
                """);
        assertThat(root.at("/stages/0/sources/0").asText()).isEqualTo("ESSAY");
        assertThat(root.at("/stages/0/corpus").toString()).isEqualTo("[\"code\",\"web-text\"]");
        assertThat(root.at("/stages/1").toString()).isEqualTo("[\"code\",\"web-text\"]");
    }

    @Test
    void aSecondDocumentIsAnErrorAtItsStart() {
        Yaml12.Failure f = failure("id: a\n---\nid: b\n");
        assertThat(f.getMessage()).contains("a second YAML document starts here");
        assertThat(f.line).isEqualTo(3);
    }

    @Test
    void anEmptyDocumentAfterTheFirstIsNothing() throws Yaml12.Failure {
        assertThat(read("---\nid: a\n---\n").get("id").asText()).isEqualTo("a");
        assertThat(read("id: a\n...\n").get("id").asText()).isEqualTo("a");
    }

    @Test
    void whatYaml12DoesNotHaveOrCannotBeReadIsAnError() {
        assertThat(failure("a: &a [1]\nb:\n  <<: *a\n").getMessage()).contains("merge keys");
        assertThat(failure("a: &a\n  - *a\n").getMessage()).contains("an alias refers to a node that contains it");
        assertThat(failure("a: !custom 1\n").getMessage()).contains("unsupported YAML tag !custom");
        assertThat(failure("a: !!int abc\n").getMessage()).contains("\"abc\" is not a value of the tag");
        assertThat(failure("a: 1\na: 2\n").getMessage()).contains("Duplicate field 'a'");
        StringBuilder laughs = new StringBuilder("l0: &l0 [ha, ha]\n");
        for (int i = 1; i <= 21; i++) {
            laughs.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        assertThat(failure(laughs.toString()).getMessage()).contains("more than 1000000 values");
    }

    @Test
    void aBadByteIsReportedWhereItIs() {
        byte[] latin1 = "id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Yaml12.Failure f = catchThrowableOfType(Yaml12.Failure.class, () -> Yaml12.read(latin1));
        assertThat(f.getMessage()).contains("Invalid UTF-8 byte 0xE9");
        assertThat(new int[] {f.line, f.column}).containsExactly(1, 8);
    }

    @Test
    void membersAreLocatedAtTheirKeys() throws Yaml12.Failure {
        Yaml12.Document d = Yaml12.read("id: x\nstages:\n  - kind: code\n    tokens: 5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(d.locations().locate("/stages/0/tokens")).containsExactly(4, 5);
        assertThat(d.locations().locate("/stages/0/nothing")).containsExactly(3, 5);
    }
}
