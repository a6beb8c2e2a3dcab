package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.origins.explain.AbilityProof;
import org.origins.explain.FieldNote;
import org.origins.explain.Note;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.explain.WhyQuery;
import org.origins.kb.Ability;
import org.origins.kb.Grade;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.render.JsonWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The proofs `origins why --view essay` shows, for the essay's central cases (the default view's: ScaleProofTest). */
class WhyTest {
    private static final int DEPTH = 50;

    private static AbilityProof why(String model, String ability) {
        return WhyQuery.why(TestKit.essayReasoning(), model, ability, DEPTH);
    }

    private static ProofStep step(AbilityProof p, String stage) {
        return p.steps().stream().filter(s -> s.stage().equals(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no step at " + stage + " in " + p.steps()));
    }

    private static RuleStep because(ProofStep s, String rule) {
        return s.because().stream().filter(r -> r.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("step " + s.stage() + " is not because of " + rule + ": "
                        + s.because().stream().map(RuleStep::rule).toList()));
    }

    private static ProofNode.Stated stated(RuleStep r, String fact) {
        return r.premises().stream().filter(n -> n instanceof ProofNode.Stated s && s.fact().equals(fact))
                .map(ProofNode.Stated.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("rule " + r.rule() + " has no stated premise " + fact + ": " + r.premises()));
    }

    private static FieldNote field(ProofNode.Stated s, String name) {
        return s.fields().stream().filter(f -> f.field().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(s.fact() + " shows no field " + name + ": " + s.fields()));
    }

    // ---- (a) code-davinci-002 chain-of-thought --------------------------------------------------------------

    @Test
    void codeDavinci002ChainOfThoughtIsStrongFromCodeTraining() {
        AbilityProof p = why("code-davinci-002", "chain-of-thought");

        assertThat(p.schema()).isEqualTo(AbilityProof.SCHEMA).isEqualTo("origins.why/1");
        assertThat(p.model()).isEqualTo("code-davinci-002");
        assertThat(p.ability()).isEqualTo("chain-of-thought");
        assertThat(p.level()).isEqualTo(Level.STRONG);
        assertThat(p.grade()).isEqualTo(Grade.HYPOTHESIS);
        assertThat(p.history()).containsExactly("davinci#1 pretraining", "code-davinci-002#1 code-training");

        ProofStep s = step(p, "code-davinci-002#1");
        assertThat(s.changed()).isTrue();
        assertThat(s.inherited()).isFalse();
        assertThat(s.before()).isEqualTo(Level.NONE);
        assertThat(s.after()).isEqualTo(Level.STRONG);
        RuleStep r = because(s, "code.training-at-scale-gives-strong-chain-of-thought");
        assertThat(r.grade()).isEqualTo(Grade.HYPOTHESIS);
        assertThat(r.claim()).contains("hundred billion parameters");
        assertThat(r.location()).isEqualTo("rules/code.drl:73");

        ProofNode.Stated stage = stated(r, "stage code-davinci-002#1 code-training");
        assertThat(stage.file()).isEqualTo("facts/models/code-davinci-002.json");
        assertThat(stage.grade()).isEqualTo(Grade.CONCLUSION);

        ProofNode.Stated model = stated(r, "model code-davinci-002");
        assertThat(model.file()).isEqualTo("facts/models/code-davinci-002.json");
        FieldNote parameters = field(model, "parameters");
        assertThat(parameters.value()).isEqualTo("175B");
        assertThat(parameters.inheritedFrom()).isEqualTo("davinci");
        assertThat(parameters.source()).isEqualTo("GPT3");
        assertThat(parameters.status()).isEqualTo(org.origins.kb.Status.PUBLISHED);
        assertThat(parameters.note()).contains("parent link to davinci");

        assertThat(p.baseDoubts()).singleElement().satisfies(d -> {
            assertThat(d.text()).contains("davinci").contains("code-davinci-002");
            assertThat(d.rule()).isEqualTo("lineage.base-probably-not-parent");
            assertThat(d.grade()).isEqualTo(Grade.EDUCATED_GUESS);
        });
        assertThat(p.mechanisms()).extracting(Note::text, Note::rule).contains(
                tuple("chain-of-thought injected by code-davinci-002#1 code-training", "code.injects-reasoning"));
        assertThat(p.hint()).isNull();
    }

    // ---- (b) text-davinci-002 in-context-learning ------------------------------------------------------------

    @Test
    void textDavinci002InContextLearningIsGivenStrengthenedAndTradedAway() {
        AbilityProof p = why("text-davinci-002", "in-context-learning");

        assertThat(p.level()).isEqualTo(Level.WEAK);
        assertThat(p.grade()).isEqualTo(Grade.HYPOTHESIS);
        assertThat(p.steps()).extracting(ProofStep::stage, ProofStep::model, ProofStep::inherited, ProofStep::before,
                ProofStep::after, ProofStep::grade).containsExactly(
                // the rule is a conclusion, but the step reaches text-davinci-002 through the parent link
                // code-davinci-002 <- davinci, which only the essay's figure states (inferred): a hypothesis
                tuple("davinci#1", "davinci", true, Level.NONE, Level.PRESENT, Grade.HYPOTHESIS),
                tuple("code-davinci-002#1", "code-davinci-002", true, Level.PRESENT, Level.STRONG, Grade.HYPOTHESIS),
                tuple("text-davinci-002#1", "text-davinci-002", false, Level.STRONG, Level.WEAK, Grade.HYPOTHESIS));
        assertThat(p.steps()).extracting(ProofStep::kind).containsExactly("pretraining", "code-training", "feedme");
        assertThat(p.steps()).allSatisfy(s -> assertThat(s.changed()).isTrue());
        assertThat(p.steps().get(0).change()).startsWith("gives");
        assertThat(p.steps().get(1).change()).startsWith("strengthens");
        assertThat(p.steps().get(2).change()).startsWith("trades away");

        assertThat(p.steps()).extracting(s -> s.because().stream().map(RuleStep::rule).toList()).containsExactly(
                List.of("pretraining.scale-gives-in-context-learning"),
                List.of("code.text-and-code-blend-strengthens-in-context-learning"),
                List.of("instruction.supervised-tuning-trades-away-in-context-learning"));
        assertThat(p.steps()).extracting(s -> s.because().get(0).grade())
                .containsExactly(Grade.CONCLUSION, Grade.HYPOTHESIS, Grade.HYPOTHESIS);
        assertThat(TestKit.reasoning().linkGrade("text-davinci-002", "davinci")).isEqualTo(Grade.HYPOTHESIS);
        assertThat(TestKit.reasoning().linkGrade("text-davinci-002", "code-davinci-002")).isEqualTo(Grade.CONCLUSION);

        ProofNode.Stated davinci = stated(p.steps().get(0).because().get(0), "model davinci");
        assertThat(field(davinci, "parameters").value()).isEqualTo("175B");
        assertThat(field(davinci, "parameters").inheritedFrom()).isNull();
        ProofNode.Stated feedme = stated(p.steps().get(2).because().get(0), "stage text-davinci-002#1 feedme");
        assertThat(feedme.file()).isEqualTo("facts/models/text-davinci-002.json");
    }

    // ---- (c) palm-540b chain-of-thought: a disputed premise ---------------------------------------------------

    @Test
    void palmChainOfThoughtRestsOnTheDisputedCodeShare() {
        AbilityProof p = why("palm-540b", "chain-of-thought");

        assertThat(p.level()).isEqualTo(Level.PRESENT);
        ProofStep s = step(p, "palm-540b#1");
        RuleStep r = because(s, "code.pretraining-share-gives-chain-of-thought");
        ProofNode.Stated stage = stated(r, "stage palm-540b#1 pretraining");
        assertThat(stage.file()).isEqualTo("facts/models/palm-540b.json");

        FieldNote codeShare = field(stage, "codeShare");
        assertThat(codeShare.value()).isEqualTo("5%");
        assertThat(codeShare.disputed()).isTrue();
        assertThat(codeShare.assumed()).isFalse();
        assertThat(codeShare.source()).contains("PALM");
        assertThat(codeShare.alternatives()).anySatisfy(a -> assertThat(a).contains("8%").contains("ESSAY §3.2"));
    }

    // ---- (d) a lacking ability -------------------------------------------------------------------------------

    @Test
    void davinciLacksChainOfThoughtAndSaysWhereToLook() {
        AbilityProof p = why("davinci", "chain-of-thought");

        assertThat(p.level()).isEqualTo(Level.NONE);
        assertThat(p.lacks()).isTrue();
        assertThat(p.steps()).isEmpty();
        assertThat(p.mechanisms()).isEmpty();
        assertThat(p.history()).containsExactly("davinci#1 pretraining");
        assertThat(p.hint()).contains("davinci lacks chain-of-thought").contains("why-not");
    }

    // ---- (e) shared sub-proofs ---------------------------------------------------------------------------------

    /** Every node of a proof in the order WhyQuery built them (pre-order). */
    private static List<ProofNode> nodes(AbilityProof p) {
        List<ProofNode> out = new ArrayList<>();
        for (ProofStep s : p.steps()) {
            for (RuleStep r : s.because()) {
                collect(r, out);
            }
        }
        return out;
    }

    private static void collect(RuleStep r, List<ProofNode> out) {
        for (ProofNode n : r.premises()) {
            out.add(n);
            if (n instanceof ProofNode.Derived d) {
                d.justifications().forEach(j -> collect(j, out));
            }
        }
    }

    private static String ref(ProofNode n) {
        if (n instanceof ProofNode.Stated s) {
            return s.ref();
        }
        if (n instanceof ProofNode.Derived d) {
            return d.ref();
        }
        return n instanceof ProofNode.SeeAbove a ? a.ref() : null;
    }

    private static String fact(ProofNode n) {
        if (n instanceof ProofNode.Stated s) {
            return s.fact();
        }
        if (n instanceof ProofNode.Derived d) {
            return d.fact();
        }
        if (n instanceof ProofNode.SeeAbove a) {
            return a.fact();
        }
        return ((ProofNode.Elided) n).fact();
    }

    private static List<AbilityProof> allProofs() {
        List<AbilityProof> out = new ArrayList<>();
        for (ModelRecord m : TestKit.kb().models()) {
            for (Ability a : TestKit.kb().abilities()) {
                out.add(why(m.id(), a.id()));
            }
        }
        return out;
    }

    @Test
    void aFactShownAgainIsReferredToByItsFirstRef() {
        AbilityProof p = why("text-davinci-002", "instruction-following");
        List<ProofNode> nodes = nodes(p);

        assertThat(nodes.get(0)).isInstanceOfSatisfying(ProofNode.Stated.class, s -> {
            assertThat(s.ref()).isEqualTo("[1]");
            assertThat(s.fact()).isEqualTo("stage text-davinci-002#1 feedme");
        });
        assertThat(nodes).filteredOn(ProofNode.SeeAbove.class::isInstance).map(ProofNode.SeeAbove.class::cast)
                .anySatisfy(s -> {
                    assertThat(s.ref()).isEqualTo("[1]");
                    assertThat(s.fact()).isEqualTo("stage text-davinci-002#1 feedme");
                });
    }

    @Test
    void withinAProofEachFactHasOneRefAndEachDerivedFactOneFullNode() {
        List<String> violations = new ArrayList<>();
        for (AbilityProof p : allProofs()) {
            String where = p.model() + " " + p.ability() + ": ";
            Map<String, String> refOfFact = new HashMap<>();
            Map<String, String> factOfRef = new HashMap<>();
            Map<String, Integer> derivedNodes = new TreeMap<>();
            for (ProofNode n : nodes(p)) {
                String ref = ref(n);
                String fact = fact(n);
                if (n instanceof ProofNode.SeeAbove && !fact.equals(factOfRef.get(ref))) {
                    violations.add(where + "see-above " + ref + " " + fact + " does not refer to a node shown above");
                }
                if (ref == null) {
                    continue;
                }
                String firstRef = refOfFact.putIfAbsent(fact, ref);
                if (firstRef != null && !firstRef.equals(ref)) {
                    violations.add(where + fact + " has refs " + firstRef + " and " + ref);
                }
                String firstFact = factOfRef.putIfAbsent(ref, fact);
                if (firstFact != null && !firstFact.equals(fact)) {
                    violations.add(where + ref + " names " + firstFact + " and " + fact);
                }
                if (n instanceof ProofNode.Derived) {
                    derivedNodes.merge(fact, 1, Integer::sum);
                }
            }
            derivedNodes.forEach((fact, count) -> {
                if (count > 1) {
                    violations.add(where + "derived " + fact + " shown in full " + count + " times");
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void withinAProofNoFactGetsTwoFullNodes() {
        List<String> violations = new ArrayList<>();
        for (AbilityProof p : allProofs()) {
            Map<String, Integer> full = new TreeMap<>();
            for (ProofNode n : nodes(p)) {
                if (n instanceof ProofNode.Stated || n instanceof ProofNode.Derived) {
                    full.merge(fact(n), 1, Integer::sum);
                }
            }
            full.forEach((fact, count) -> {
                if (count > 1) {
                    violations.add(p.model() + " " + p.ability() + ": " + fact + " shown in full " + count + " times");
                }
            });
        }
        assertThat(violations).as("a second occurrence of a fact should be a see-above node").isEmpty();
    }

    // ---- (f) the JSON form -------------------------------------------------------------------------------------

    @Test
    void theJsonFormCarriesSchemaLevelAndNodeTypes() throws Exception {
        String json = JsonWriter.write(why("code-davinci-002", "chain-of-thought"));
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(root.path("schema").asText()).isEqualTo("origins.why/1");
        assertThat(root.path("model").asText()).isEqualTo("code-davinci-002");
        assertThat(root.path("ability").asText()).isEqualTo("chain-of-thought");
        assertThat(root.path("level").asText()).isEqualTo("strong");
        assertThat(root.path("grade").asText()).isEqualTo("hypothesis");

        JsonNode step = root.path("steps").get(0);
        assertThat(step.path("stage").asText()).isEqualTo("code-davinci-002#1");
        JsonNode rule = step.path("because").get(0);
        assertThat(rule.path("rule").asText()).isEqualTo("code.training-at-scale-gives-strong-chain-of-thought");
        List<String> nodeTypes = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        rule.path("premises").forEach(n -> {
            nodeTypes.add(n.path("node").asText());
            facts.add(n.path("fact").asText());
        });
        assertThat(nodeTypes).containsExactly("stated", "stated");
        assertThat(facts).containsExactly("stage code-davinci-002#1 code-training", "model code-davinci-002");
        assertThat(root.path("baseDoubts").get(0).path("grade").asText()).isEqualTo("educated-guess");
    }
}
