package org.origins.explain;

import org.origins.facts.Caveat;
import org.origins.facts.Experiment;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the experiments the rules proposed, with their caveats and today's predictions. */
public final class ExperimentsQuery {
    /** The abilities each tested claim is about. */
    private static final Map<String, List<String>> ABILITIES = Map.of(
            "C21", List.of("chain-of-thought", "long-range-dependency"),
            "C19", List.of("zero-shot-generalization", "in-context-learning"),
            "C40", List.of("informative-responses", "impartial-responses", "refuses-improper-questions"),
            "C49", List.of("dialogue", "in-context-learning"),
            "C39", List.of("chain-of-thought", "zero-shot-generalization"));

    private ExperimentsQuery() {
    }

    /** @param r a reasoning run with the experiment rules enabled */
    public static Experiments all(Reasoning r) {
        return of(r, null);
    }

    /**
     * @param r     a reasoning run with the experiment rules enabled
     * @param model only the experiments this model takes part in; null for all
     */
    public static Experiments of(Reasoning r, String model) {
        List<Experiments.Proposal> out = new ArrayList<>();
        List<Caveat> caveats = r.derived(Caveat.class);
        for (Experiment e : r.derived(Experiment.class)) {
            if (model != null && !e.models().contains(model)) {
                continue;
            }
            Map<String, Set<String>> only = new java.util.TreeMap<>();
            for (Caveat c : caveats) {
                if (e.models().contains(c.contrast().base()) && e.models().contains(c.contrast().variant())) {
                    only.computeIfAbsent(c.about() + " only in " + c.model(), k -> new java.util.TreeSet<>()).add(c.what());
                }
            }
            List<String> cav = only.entrySet().stream().map(x -> x.getKey() + ": " + String.join(", ", x.getValue())).toList();
            List<String> hypothetical = e.models().stream().filter(m -> r.kb().require(m).hypothetical()).toList();
            List<String> predictions = new ArrayList<>();
            for (String ability : ABILITIES.getOrDefault(e.claim(), List.of())) {
                predictions.add(ability + ": " + String.join(", ", e.models().stream()
                        .map(m -> m + " " + r.level(m, ability).id()).toList()));
            }
            out.add(new Experiments.Proposal(e.models(), e.ingredient(), e.claim(), e.question(), Notes.ruleOf(r, e),
                    cav, hypothetical, predictions));
        }
        // Clean comparisons first, then by the number of caveats, then by models.
        out.sort(Comparator.comparing((Experiments.Proposal p) -> p.caveats().size())
                .thenComparing(p -> -p.models().size()).thenComparing(p -> String.join(",", p.models())));
        return new Experiments(Experiments.SCHEMA, out);
    }
}
