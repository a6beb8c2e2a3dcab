package org.origins.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.origins.TestKit;
import org.origins.reasoning.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One reader of numbers, wherever a number is read: a model file (a number or a string), --stage,
 * --assume. Model cards write 70B, 2T, 10%, 1.8K, 1.4e12; a bare number in a field measured in
 * billions is billions (so 1e9 parameters is a billion billion, out of range, not a billion).
 */
class UnitsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({"BILLIONS, 70B, 70", "BILLIONS, 2T, 2000", "BILLIONS, 500M, 0.5", "BILLIONS, 175, 175", "BILLIONS, 1.4e3, 1400",
            "BILLIONS, 70 b, 70", "COUNT, 1.8K, 1800", "COUNT, '1,836', 1836", "COUNT, 1_000, 1000", "COUNT, 2M, 2000000",
            "COUNT, 1.4e4, 14000", "SHARE, 30%, 0.3", "SHARE, 0.05, 0.05", "SHARE, 0.2 %, 0.002"})
    void readsWhatPeopleWrite(Units.Scale scale, String text, double value) {
        assertThat(Units.read(text, scale)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "big", "-5", "NaN", "Infinity", "1e999", "7B7", "0x10", "%"})
    void refusesWhatIsNotANumber(String text) {
        for (Units.Scale s : Units.Scale.values()) {
            assertThatThrownBy(() -> Units.read(text, s)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aModelFileAndTheCommandLineReadTheSameValues() throws IOException {
        Path file = tmp.resolve("m.yaml");
        Files.writeString(file, """
                id: units-file
                hypothetical: true
                parent: opt-175b
                parameters: 70B
                stages:
                  - kind: code-training
                    tokens: 2T
                    codeShare: 10%
                  - kind: supervised-instruction-tuning
                    tasks: 1.8K
                """);
        ModelRecord fromFile = ModelReader.against(TestKit.kb()).files(List.of(file), true).get(0);
        KnowledgeBase kb = TestKit.kb().with(List.of(fromFile));
        KnowledgeBase assumed = Assumptions.parse(kb, List.of("units-file.parameters=70B", "units-file#1.tokens=2T",
                "units-file#1.codeShare=10%", "units-file#2.tasks=1.8K")).apply(kb);
        ModelRecord fromFlags = assumed.require("units-file");

        assertThat(fromFile.parameters().value()).isEqualTo(70.0).isEqualTo(fromFlags.parameters().value());
        assertThat(fromFile.stages().get(0).tokens().value()).isEqualTo(2000.0).isEqualTo(fromFlags.stages().get(0).tokens().value());
        assertThat(fromFile.stages().get(0).codeShare().value()).isEqualTo(0.1).isEqualTo(fromFlags.stages().get(0).codeShare().value());
        assertThat(fromFile.stages().get(1).tasks().value()).isEqualTo(1800).isEqualTo(fromFlags.stages().get(1).tasks().value());
        assertThat(StageSpec.parse("code-training:tokens=2T,codeShare=10%", kb).get("tokens").asDouble()).isEqualTo(2000.0);
    }

    @Test
    void aBareNumberInBillionsIsRangeChecked() {
        KnowledgeBase kb = TestKit.kb();
        assertThatThrownBy(() -> Assumptions.parse(kb, List.of("davinci.parameters=1e9")))
                .hasMessageContaining("expected a size in billions of parameters").hasMessageContaining("from 0.001 to 100000");
        assertThatThrownBy(() -> StageSpec.parse("code-training:tokens=1.4e12", kb)).hasMessageContaining("write 1.4T");
        assertThat(Assumptions.parse(kb, List.of("davinci.parameters=1e2")).items().get(0).value()).isEqualTo(100.0);
    }
}
