package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.origins.kb.Grade;
import org.origins.rules.RuleInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule base's own hygiene: metadata, unique ids, no hard-coded models, the essay's claims covered. */
class RuleBaseTest {
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private static List<RuleInfo> rules() {
        return TestKit.rules().rules();
    }

    private static List<Path> drlFiles() throws IOException {
        try (Stream<Path> s = Files.list(TestKit.RULES)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
    }

    @Test
    void everyRuleOfTheFilesIsRead() throws IOException {
        List<String> declared = new ArrayList<>();
        for (Path f : drlFiles()) {
            Matcher m = RULE_HEADER.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                declared.add(m.group(1));
            }
        }
        assertThat(rules()).extracting(RuleInfo::name).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(rules()).extracting(RuleInfo::id).contains(
                "pretraining.scale-gives-in-context-learning",
                "code.training-at-scale-gives-strong-chain-of-thought",
                "instruction.supervised-tuning-trades-away-in-context-learning",
                "lineage.base-probably-not-parent");
    }

    @Test
    void everyRuleHasIdClaimGradeAndSource() {
        assertThat(rules()).allSatisfy(r -> {
            assertThat(r.id()).as("@id of rule %s (%s:%d)", r.name(), r.file(), r.line()).isNotBlank();
            assertThat(r.claim()).as("@claim of %s", r.name()).isNotBlank();
            assertThat(r.grade()).as("@grade of %s (one of %s)", r.name(), Arrays.toString(Grade.values()))
                    .isNotNull().isIn((Object[]) Grade.values());
            assertThat(r.source()).as("@source of %s", r.name()).isNotBlank();
            assertThat(r.file()).as("file of %s", r.name()).isNotNull();
            assertThat(r.line()).as("line of %s", r.name()).isPositive();
        });
    }

    @Test
    void gradesAreTheOnesTheEssayGives() {
        assertThat(TestKit.rules().byId("lineage.base-probably-not-parent").orElseThrow().grade())
                .isEqualTo(Grade.EDUCATED_GUESS);
        assertThat(TestKit.rules().byId("pretraining.scale-gives-in-context-learning").orElseThrow().grade())
                .isEqualTo(Grade.CONCLUSION);
        assertThat(TestKit.rules().byId("code.training-at-scale-gives-strong-chain-of-thought").orElseThrow().grade())
                .isEqualTo(Grade.HYPOTHESIS);
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = rules().stream().map(RuleInfo::id).toList();
        Set<String> duplicates = ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(duplicates).as("rule ids used more than once").isEmpty();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleNameEqualsItsId() {
        assertThat(rules()).allSatisfy(r -> assertThat(r.name()).as("rule name of @id %s", r.id()).isEqualTo(r.id()));
    }

    @Test
    void noRuleNamesAModelOfTheKnowledgeBase() throws IOException {
        List<String> modelIds;
        try (Stream<Path> s = Files.list(TestKit.FACTS.resolve("models"))) {
            modelIds = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        assertThat(modelIds).containsAll(TestKit.ESSAY_MODELS);

        List<String> found = new ArrayList<>();
        for (Path f : drlFiles()) {
            String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String id : modelIds) {
                    if (lines[i].contains("\"" + id + "\"")) {
                        found.add(f + ":" + (i + 1) + ": \"" + id + "\"");
                    }
                }
            }
        }
        assertThat(found).as("rules must be general: a model id as a quoted string").isEmpty();
    }

    @Test
    void theRulesCiteTheEssaysClaims() {
        Set<String> cited = new TreeSet<>();
        for (RuleInfo r : rules()) {
            if (r.cites() != null) {
                Arrays.stream(r.cites().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(cited::add);
            }
        }
        assertThat(cited).allSatisfy(c -> assertThat(c).matches("C\\d+"));
        assertThat(cited).contains("C1", "C2", "C3", "C4", "C11", "C12", "C13", "C14", "C18", "C19", "C20", "C21",
                "C24", "C30", "C35", "C36", "C37", "C40", "C41", "C42", "C43", "C44", "C45", "C46", "C47", "C48", "C49");
    }

    @Test
    void everyConcludedAbilityIsInTheVocabulary() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TestKit.FACTS.resolve("abilities.json").toFile());
        Set<String> vocabulary = new TreeSet<>();
        root.get("abilities").forEach(a -> vocabulary.add(a.get("id").asText()));
        assertThat(vocabulary).hasSize(14).contains("chain-of-thought", "in-context-learning", "dialogue");

        assertThat(rules()).allSatisfy(r -> assertThat(r.abilities()).as("abilities concluded by %s", r.id())
                .isSubsetOf(vocabulary));
        assertThat(TestKit.rules().byId("code.pretraining-share-gives-code").orElseThrow().abilities())
                .containsExactlyInAnyOrder("code-generation", "code-understanding");
        Set<String> concluded = rules().stream().flatMap(r -> r.abilities().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(concluded).as("every ability of the vocabulary is concluded by some rule")
                .containsExactlyInAnyOrderElementsOf(vocabulary);
    }
}
