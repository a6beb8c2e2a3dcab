package org.origins.explain;

import org.origins.facts.Stage;
import org.origins.kb.Defaults;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which facts a model's answers rest on that nobody stated, the way MYCIN asked for the data it
 * lacked: the defaults in force in its lineage (assumed values, educated guesses), the values a
 * source says are undisclosed, and the attributes a hypothetical model's file leaves out. Each is
 * probed with the values of {@code facts/defaults.json}'s {@code probes}: the rules run again on
 * the model's lineage with the value assumed, and every ability whose level would change is
 * listed. An ability that an undisclosed value without a default would change is
 * <em>undetermined</em>: its answer is the set of levels it could have.
 *
 * <p>Asking is in two steps, so that many models can be probed in one run of the rules (batch
 * prediction): {@link #plan} lists the values to try, each as an assumption; {@link #result} reads
 * the levels each gave. {@link #of} does both for one model, a run per value.
 */
public final class MissingFacts {

    /** Why a value is missing: a default assumed it, or nobody states it and no default fills it. */
    public enum Gap {
        /** Assumed by a default of {@code facts/defaults.json} (an educated guess). */
        DEFAULT,
        /** No value and no default: an ability it changes is undetermined. */
        UNDISCLOSED;

        /** The id in JSON: the name in lower case. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A level an ability would have if a missing value were {@code value}. */
    public record Change(String ability, Level now, String value, Level then) {
    }

    /**
     * One missing value: {@code where} a stage ({@code llama-7b#1}) or a model, {@code field},
     * {@code status} (a default assumed it, or it is undisclosed), the assumed value and its source
     * (defaults only), and what other values would change.
     */
    public record Missing(String where, String field, Gap status, String assumed, String source, List<Change> changes) {
        public Missing {
            changes = List.copyOf(changes);
        }
    }

    /** The missing facts of a model's lineage and the abilities they leave undetermined (ability → possible levels). */
    public record Result(String model, List<Missing> missing, Map<String, List<Level>> undetermined) {
        public Result {
            missing = List.copyOf(missing);
            undetermined = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(undetermined));
        }
    }

    /** A value to probe: a stage attribute ({@code order} > 0) or the model's size ({@code order} 0), of {@code model}. */
    private record Candidate(String model, int order, String field, Gap status, String assumed, String source) {
        String where() {
            return order == 0 ? model : model + "#" + order;
        }
    }

    /**
     * One value to try for a missing fact of {@code model}'s lineage: {@code assumption} states it for
     * {@code owner}, the model of the lineage whose value is missing ({@code model} or an ancestor).
     */
    public record Probe(String model, String owner, Object value, Assumptions assumption) {
    }

    /** The missing facts of a model's lineage and the values to try for each. */
    public static final class Plan {
        private final String model;
        private final List<Candidate> candidates;
        /** Per candidate, its probes (a value that does not apply to the candidate is left out). */
        private final List<List<Probe>> probes;

        private Plan(String model, List<Candidate> candidates, List<List<Probe>> probes) {
            this.model = model;
            this.candidates = candidates;
            this.probes = probes;
        }

        public String model() {
            return model;
        }

        /** Every value to try, in order. */
        public List<Probe> probes() {
            return probes.stream().flatMap(List::stream).toList();
        }

        public boolean isEmpty() {
            return candidates.isEmpty();
        }
    }

    private MissingFacts() {
    }

    /**
     * The missing facts of {@code model}. With {@code defaultsToo}, the defaulted values are probed as
     * well (for {@code abilities} and {@code predict}); without, only undisclosed values without a
     * default, which alone can leave an ability undetermined (enough for {@code check} and a batch).
     */
    public static Result of(Reasoning r, String model, long maxFirings, boolean defaultsToo) {
        Plan plan = plan(r, model, defaultsToo);
        KnowledgeBase lineage = plan.isEmpty() ? null : r.kb().lineageOf(model);
        List<Map<String, Level>> outcomes = new ArrayList<>();
        for (Probe p : plan.probes()) {
            outcomes.add(Reasoner.run(p.assumption().apply(lineage), r.rules(), maxFirings).levels(model));
        }
        return result(plan, r.levels(model), outcomes);
    }

    /** The values to try for the missing facts of {@code model}'s lineage (see {@link #of}). */
    public static Plan plan(Reasoning r, String model, boolean defaultsToo) {
        List<Candidate> candidates = new ArrayList<>();
        List<List<Probe>> probes = new ArrayList<>();
        for (Candidate c : candidates(r, model)) {
            if (c.status() == Gap.DEFAULT && !defaultsToo) {
                continue;
            }
            List<Probe> values = new ArrayList<>();
            for (Object value : r.kb().defaults().probes().getOrDefault(c.field(), List.of())) {
                try {
                    values.add(new Probe(model, c.model(), value,
                            Assumptions.about(r.kb(), r.kb().require(c.model()), c.where() + "." + c.field() + "=" + value)));
                } catch (RuntimeException e) {
                    // the value does not apply to this stage: not probed
                }
            }
            candidates.add(c);
            probes.add(values);
        }
        return new Plan(model, candidates, probes);
    }

    /**
     * The missing facts of a plan's model with what each value tried changes: {@code now} is the
     * model's levels, {@code outcomes} its levels with each probe of {@link Plan#probes()}, in order.
     */
    public static Result result(Plan plan, Map<String, Level> now, List<Map<String, Level>> outcomes) {
        List<Missing> out = new ArrayList<>();
        Map<String, Set<Level>> undetermined = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < plan.candidates.size(); i++) {
            Candidate c = plan.candidates.get(i);
            List<Change> changes = new ArrayList<>();
            for (Probe p : plan.probes.get(i)) {
                for (var e : outcomes.get(next++).entrySet()) {
                    Level before = now.get(e.getKey());
                    if (before != e.getValue()) {
                        changes.add(new Change(e.getKey(), before, text(c.field(), p.value()), e.getValue()));
                        if (c.status() == Gap.UNDISCLOSED) {
                            undetermined.computeIfAbsent(e.getKey(), k -> new TreeSet<>(List.of(before))).add(e.getValue());
                        }
                    }
                }
            }
            out.add(new Missing(c.where(), c.field(), c.status(), c.assumed(), c.source(), changes));
        }
        Map<String, List<Level>> und = new LinkedHashMap<>();
        undetermined.forEach((a, levels) -> und.put(a, List.copyOf(levels)));
        return new Result(plan.model, out, und);
    }

    /** The defaulted and undisclosed values of the model's lineage, ancestors first. */
    private static List<Candidate> candidates(Reasoning r, String model) {
        Set<String> probed = r.kb().defaults().probes().keySet();
        if (probed.isEmpty()) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        Map<String, Stage> stages = new HashMap<>();
        r.history(model).forEach(s -> stages.put(s.id(), s));
        boolean sized = false; // a model without a size of its own has its parent's: the lineage's, root first
        for (ModelRecord m : r.kb().chain(model)) {
            sized |= m.parameters().value() != null;
            if (!sized && probed.contains("parameters")) {
                out.add(new Candidate(m.id(), 0, "parameters", Gap.UNDISCLOSED, null, null));
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
                    if (!takes.contains(field) || field.equals("tokens") && !Defaults.firstPretraining(r.kb(), m, s)) {
                        continue;
                    }
                    FieldOrigin fo = origin == null ? null : origin.fields().get(field);
                    if (fo != null && fo.chosen() != null && fo.chosen().status() == Status.DEFAULT) {
                        out.add(new Candidate(m.id(), s.order(), field, Gap.DEFAULT, Describe.value(field, fo.value()),
                                fo.chosen().citation()));
                    } else if (fo != null && fo.value() == null && !fo.assumed()) {
                        out.add(new Candidate(m.id(), s.order(), field, Gap.UNDISCLOSED, null, fo.chosen() == null ? null
                                : fo.chosen().citation()));
                    } else if (fo == null && m.hypothetical() && !field.equals("objective") && !stated(fact, field)) {
                        // a user's model left it out: unknown (a curated file leaves out what does not apply)
                        out.add(new Candidate(m.id(), s.order(), field, Gap.UNDISCLOSED, null, null));
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
