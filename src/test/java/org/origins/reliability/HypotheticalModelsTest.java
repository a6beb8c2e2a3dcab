package org.origins.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origins.explain.AbilityProof;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.explain.WhyQuery;
import org.origins.io.Problem;
import org.origins.kb.Ability;
import org.origins.kb.JsonDoc;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageKind;
import org.origins.kb.StageRecord;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random valid hypothetical models (a parent among the real models, 0 to 3 stages of random kinds
 * with valid attributes) always get a prediction, in bounded time, whose proofs cite only what
 * exists: every rule step names a rule of the rule base, every stated premise is a model or a
 * stage of the knowledge base (the model's own or an ancestor's), every step is at a real stage.
 */
class HypotheticalModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "model davinci" or "stage davinci#1 pretraining" (Describe.fact). */
    private static final Pattern STATED = Pattern.compile("(model|stage) ([a-z0-9][a-z0-9._-]*)(?:#(\\d+) ([a-z-]+))?");
    private static final List<String> CORPUS_TAGS = List.of("common-crawl", "c4", "web-text", "books", "wikipedia", "code",
            "dialogue", "instructions");

    private static KnowledgeBase kb;
    private static RuleBase rules;
    private static List<String> parents;
    private static List<StageKind> kinds;

    @BeforeContainer
    static void load() {
        kb = KbLoader.load(Run.FACTS);
        rules = RuleCompiler.compile(Run.RULES);
        parents = kb.models().stream().filter(m -> !m.hypothetical()).map(ModelRecord::id).toList();
        kinds = kb.stageKinds().values().stream().filter(k -> !k.isAbstract()).toList();
    }

    // ---- generators

    @Provide
    Arbitrary<ObjectNode> models() {
        Arbitrary<String> parent = Arbitraries.of(parents);
        Arbitrary<Optional<Double>> size = Arbitraries.doubles().between(0.001, 100_000).ofScale(3).optional(0.3);
        Arbitrary<List<ObjectNode>> stages = stage().list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<String> id = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(s -> "hypo-" + s);
        return Combinators.combine(id, parent, size, stages).as((i, p, sz, st) -> {
            ObjectNode m = JSON.createObjectNode();
            m.put("id", i);
            m.put("hypothetical", true);
            m.put("parent", p);
            sz.ifPresent(v -> m.put("parameters", v));
            ArrayNode list = m.putArray("stages");
            st.forEach(list::add);
            return m;
        });
    }

    private Arbitrary<ObjectNode> stage() {
        return Arbitraries.of(kinds).flatMap(k -> {
            List<Arbitrary<Optional<Object>>> attributes = new ArrayList<>();
            List<String> names = new ArrayList<>(k.attributes());
            for (String a : names) {
                attributes.add(value(a).optional(0.6));
            }
            return Combinators.combine(attributes).as(values -> {
                ObjectNode s = JSON.createObjectNode();
                s.put("kind", k.id());
                s.putArray("sources").add("USER");
                for (int i = 0; i < names.size(); i++) {
                    Optional<Object> v = values.get(i);
                    if (v.isPresent()) {
                        s.set(names.get(i), JSON.valueToTree(v.get()));
                    }
                }
                return s;
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> value(String attribute) {
        Arbitrary<?> a = switch (attribute) {
            case "tokens" -> Arbitraries.doubles().between(0, 1_000_000);
            case "codeShare", "computeShare" -> Arbitraries.doubles().between(0, 1);
            case "tasks", "examples" -> Arbitraries.integers().between(1, 1_000_000);
            case "objective" -> Arbitraries.of("causal-lm", "prefix-lm", "span-corruption");
            case "corpus" -> Arbitraries.of(CORPUS_TAGS).set().ofMaxSize(4).map(ArrayList::new);
            case "mixture" -> Arbitraries.of("exemplars", "chain-of-thought", "dialogue").set().ofMaxSize(3).map(ArrayList::new);
            default -> throw new IllegalStateException("a stage attribute the generator does not know: " + attribute);
        };
        return (Arbitrary<Object>) a;
    }

    // ---- the property

    @Property(tries = 200)
    void aRandomValidModelGetsAPredictionWhoseProofsCiteOnlyWhatExists(@ForAll("models") ObjectNode model) throws Exception {
        ObjectNode file = JSON.createObjectNode();
        file.putArray("models").add(model);
        List<Problem> problems = new ArrayList<>();
        JsonDoc doc = JsonDoc.parse(Path.of("generated.json"), JSON.writeValueAsBytes(file), problems).orElseThrow();
        List<ModelRecord> added = ModelReader.against(kb).inline(doc, "/models");
        assertThat(problems).as("a valid model: %s", model).isEmpty();
        KnowledgeBase with = kb.with(added);
        String id = model.get("id").asText();

        Reasoning r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Reasoner.run(with, rules),
                () -> "reasoning did not finish for " + model);

        Map<String, Level> levels = r.levels(id);
        assertThat(levels.keySet()).as("a level for every ability")
                .containsAll(kb.abilities().stream().map(Ability::id).toList());
        for (Ability a : kb.abilities()) {
            if (r.level(id, a.id()) == Level.NONE) {
                continue;
            }
            AbilityProof proof = WhyQuery.why(r, id, a.id(), 50);
            assertThat(proof.hypothetical()).isTrue();
            assertThat(proof.steps()).as("a level above none has a step that raised it: %s %s", id, a.id()).isNotEmpty();
            for (ProofStep step : proof.steps()) {
                assertThat(stageExists(with, step.stage())).as("the step's stage %s exists", step.stage()).isTrue();
                for (RuleStep rs : step.because()) {
                    checkRuleStep(with, rs, model);
                }
            }
        }
    }

    private static void checkRuleStep(KnowledgeBase with, RuleStep rs, ObjectNode model) {
        assertThat(rules.byId(rs.rule())).as("rule %s of a proof of %s is in the rule base", rs.rule(), model).isPresent();
        for (ProofNode n : rs.premises()) {
            checkNode(with, n, model);
        }
    }

    private static void checkNode(KnowledgeBase with, ProofNode n, ObjectNode model) {
        if (n instanceof ProofNode.Stated s) {
            assertThat(statedExists(with, s.fact()))
                    .as("stated premise \"%s\" is a model or stage of the knowledge base (proof of %s)", s.fact(), model).isTrue();
        } else if (n instanceof ProofNode.Derived d) {
            assertThat(d.justifications()).as("a derived premise has a justification: %s", d.fact()).isNotEmpty();
            d.justifications().forEach(j -> checkRuleStep(with, j, model));
        } else if (n instanceof ProofNode.SeeAbove s) {
            assertThat(s.ref()).matches("\\[\\d+\\]");
        } else {
            assertThat(((ProofNode.Elided) n).fact()).isNotBlank();
        }
    }

    private static boolean statedExists(KnowledgeBase with, String fact) {
        Matcher m = STATED.matcher(fact);
        if (!m.matches()) {
            return false;
        }
        if (m.group(1).equals("model")) {
            return with.model(m.group(2)).isPresent();
        }
        int order = Integer.parseInt(m.group(3));
        return with.model(m.group(2)).stream().flatMap(x -> x.stages().stream())
                .anyMatch(st -> st.order() == order && st.kind().equals(m.group(4)));
    }

    /** "model#n": the model exists and has an own stage n. */
    private static boolean stageExists(KnowledgeBase with, String stageId) {
        int hash = stageId.lastIndexOf('#');
        if (hash < 0) {
            return false;
        }
        Optional<ModelRecord> m = with.model(stageId.substring(0, hash));
        int order = Integer.parseInt(stageId.substring(hash + 1));
        return m.isPresent() && m.get().stages().stream().map(StageRecord::order).anyMatch(o -> o == order);
    }
}
