package org.origins.explain;

import org.origins.facts.Stage;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Status;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.FactOrigin;
import org.origins.reasoning.FieldOrigin;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which facts a model's answers rest on that nobody stated, the way MYCIN asked for the data it
 * lacked: the defaults in force in its lineage (assumed values, educated guesses), the values a
 * source says are undisclosed, and the attributes a hypothetical model's file leaves out. Each is
 * probed with the values of {@code facts/defaults.json}'s {@code probes}: the rules run again on
 * the model's lineage with the value assumed, and every
 * ability whose level would change is listed. An ability that an undisclosed value without a
 * default would change is <em>undetermined</em>: its answer is the set of levels it could have.
 */
public final class MissingFacts {

    /** A level an ability would have if a missing value were {@code value}. */
    public record Change(String ability, Level now, String value, Level then) {
    }

    /**
     * One missing value: {@code where} a stage ({@code llama-7b#1}) or a model, {@code field},
     * {@code status} ({@code default}: assumed by a default; {@code undisclosed}: no value, no
     * default), the assumed value and its source (defaults only), and what other values would change.
     */
    public record Missing(String where, String field, String status, String assumed, String source, List<Change> changes) {
        public Missing {
            changes = List.copyOf(changes);
        }
    }

    /** The missing facts of a model's lineage and the abilities they leave undetermined (ability → possible levels). */
    public record Result(String model, List<Missing> missing, Map<String, List<Level>> undetermined) {
        public Result {
            missing = List.copyOf(missing);
            undetermined = Map.copyOf(undetermined);
        }
    }

    private MissingFacts() {
    }

    /**
     * The missing facts of {@code model}. With {@code defaultsToo}, the defaulted values are probed as
     * well (for {@code abilities} and {@code predict}); without, only undisclosed values without a
     * default, which alone can leave an ability undetermined (enough for {@code check}).
     */
    public static Result of(Reasoning r, String model, long maxFirings, boolean defaultsToo) {
        KnowledgeBase lineage = r.kb().lineageOf(model);
        Map<String, Level> now = r.levels(model);
        List<Missing> out = new ArrayList<>();
        Map<String, Set<Level>> undetermined = new LinkedHashMap<>();
        for (Candidate c : candidates(r, model)) {
            if (c.status().equals("default") && !defaultsToo) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            for (Object value : r.kb().defaults().probes().getOrDefault(c.field(), List.of())) {
                Map<String, Level> then = levelsWith(lineage, r, model, c, value, maxFirings);
                if (then == null) {
                    continue;
                }
                for (var e : then.entrySet()) {
                    Level before = now.get(e.getKey());
                    if (before != e.getValue()) {
                        changes.add(new Change(e.getKey(), before, text(c.field(), value), e.getValue()));
                        if (c.status().equals("undisclosed")) {
                            undetermined.computeIfAbsent(e.getKey(), k -> new java.util.TreeSet<>(List.of(before))).add(e.getValue());
                        }
                    }
                }
            }
            out.add(new Missing(c.where(), c.field(), c.status(), c.assumed(), c.source(), changes));
        }
        Map<String, List<Level>> und = new LinkedHashMap<>();
        undetermined.forEach((a, levels) -> und.put(a, List.copyOf(levels)));
        return new Result(model, out, und);
    }

    /** A value to probe: a stage attribute ({@code order} > 0) or the model's size ({@code order} 0). */
    private record Candidate(String model, int order, String field, String status, String assumed, String source) {
        String where() {
            return order == 0 ? model : model + "#" + order;
        }
    }

    /** The defaulted and undisclosed values of the model's lineage, ancestors first. */
    private static List<Candidate> candidates(Reasoning r, String model) {
        Set<String> probed = r.kb().defaults().probes().keySet();
        List<Candidate> out = new ArrayList<>();
        Map<String, Stage> stages = new LinkedHashMap<>();
        r.history(model).forEach(s -> stages.put(s.id(), s));
        for (ModelRecord m : r.kb().chain(model)) {
            if (probed.contains("parameters") && r.stated().models().stream()
                    .anyMatch(x -> x.id().equals(m.id()) && x.parameters() == null)) {
                out.add(new Candidate(m.id(), 0, "parameters", "undisclosed", null, null));
            }
            for (StageRecord s : m.stages()) {
                Stage fact = stages.get(m.id() + "#" + s.order());
                if (fact == null) {
                    continue;
                }
                FactOrigin origin = r.origin(fact);
                var takes = r.kb().stageKinds().get(s.kind()).attributes();
                for (String field : probed) {
                    // the tokens of a later stage are not probed: unknown continued training adds nothing (compute is a lower bound)
                    if (!takes.contains(field) || field.equals("tokens") && !org.origins.kb.Defaults.firstPretraining(r.kb(), m, s)) {
                        continue;
                    }
                    FieldOrigin fo = origin == null ? null : origin.fields().get(field);
                    if (fo != null && fo.chosen() != null && fo.chosen().status() == Status.DEFAULT) {
                        out.add(new Candidate(m.id(), s.order(), field, "default", Describe.value(field, fo.value()),
                                fo.chosen().citation()));
                    } else if (fo != null && fo.value() == null && !fo.assumed()) {
                        out.add(new Candidate(m.id(), s.order(), field, "undisclosed", null, fo.chosen() == null ? null
                                : fo.chosen().citation()));
                    } else if (fo == null && m.hypothetical() && !field.equals("objective") && !stated(fact, field)) {
                        // a user's model left it out: unknown (a curated file leaves out what does not apply)
                        out.add(new Candidate(m.id(), s.order(), field, "undisclosed", null, null));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the stage fact carries a value for the field (a default or a stated one). */
    private static boolean stated(Stage s, String field) {
        return switch (field) {
            case "tokens" -> s.tokens() != null;
            case "codeShare" -> s.codeShare() != null;
            case "tasks" -> s.tasks() != null;
            case "examples" -> s.examples() != null;
            default -> true;
        };
    }


    /** The model's levels with the candidate's value assumed, on its lineage alone; null when the value does not apply. */
    private static Map<String, Level> levelsWith(KnowledgeBase lineage, Reasoning r, String model, Candidate c, Object value,
                                                 long maxFirings) {
        String text = c.where() + "." + c.field() + "=" + value;
        KnowledgeBase k;
        try {
            k = Assumptions.parse(lineage, List.of(text)).apply(lineage);
        } catch (RuntimeException e) {
            return null;
        }
        return Reasoner.run(k, r.rules(), maxFirings).levels(model);
    }

    private static String text(String field, Object value) {
        return field + " = " + Describe.value(field, value instanceof Integer i && field.equals("parameters") ? i.doubleValue() : value);
    }

    /** The models whose answers a missing value may change, each probed once (for {@code check}). */
    public static Map<String, Result> undeterminedOf(Reasoning r, Set<String> models, long maxFirings) {
        Map<String, Result> out = new LinkedHashMap<>();
        for (String m : new LinkedHashSet<>(models)) {
            if (r.kb().model(m).isPresent()) {
                out.put(m, of(r, m, maxFirings, false));
            }
        }
        return out;
    }
}
