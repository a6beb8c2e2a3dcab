package org.origins.explain;

import org.origins.facts.Model;
import org.origins.facts.Stage;
import org.origins.kb.Ability;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Compares two models' training and abilities, and ties each ability difference to a training difference. */
public final class CompareQuery {
    private static final List<String> FIELDS = List.of("parameters", "contextLength", "positionalEncoding", "dataCutoff");

    private CompareQuery() {
    }

    public static Comparison compare(Reasoning r, String a, String b) {
        List<Stage> ha = r.history(a);
        List<Stage> hb = r.history(b);
        Set<Stage> shared = new HashSet<>(ha);
        shared.retainAll(hb);
        List<Comparison.AbilityDiff> abilities = new ArrayList<>();
        for (Ability ab : r.kb().abilities()) {
            LevelTrace ta = r.trace(a, ab.id());
            LevelTrace tb = r.trace(b, ab.id());
            if (ta.level() == tb.level()) {
                continue;
            }
            List<String> explained = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            boolean aHigher = ta.level().compareTo(tb.level()) > 0;   // the side that has more explains first
            explain(r, aHigher ? a : b, aHigher ? ta : tb, shared, explained, steps);
            explain(r, aHigher ? b : a, aHigher ? tb : ta, shared, explained, steps);
            abilities.add(new Comparison.AbilityDiff(ab.id(), ta.level(), tb.level(), explained, steps));
        }
        return new Comparison(Comparison.SCHEMA, a, b, commonAncestor(r, a, b), fields(r, a, b),
                ha.stream().filter(s -> !shared.contains(s)).map(CompareQuery::stage).toList(),
                hb.stream().filter(s -> !shared.contains(s)).map(CompareQuery::stage).toList(), abilities);
    }

    /** The deciding steps of one side that happened at stages the other side lacks. */
    private static void explain(Reasoning r, String model, LevelTrace t, Set<Stage> shared, List<String> explained,
                                List<String> steps) {
        for (Step s : t.decisive()) {
            if (shared.contains(s.stage())) {
                continue;
            }
            String kind = s.stage().kind() + " in " + model + " (" + s.stage().id() + ")";
            if (!explained.contains(kind)) {
                explained.add(kind);
            }
            steps.add(model + ": " + Describe.stage(s.stage()) + " " + s.effects().get(0).describe() + " " + t.ability()
                    + " (" + s.before() + " → " + s.after() + "; " + String.join(", ", r.rulesOf(s)) + ")");
        }
    }

    private static String stage(Stage s) {
        List<String> attrs = new ArrayList<>();
        if (s.tokens() != null) {
            attrs.add(Describe.value("tokens", s.tokens()));
        }
        if (s.codeShare() != null) {
            attrs.add("code " + Describe.value("codeShare", s.codeShare()));
        }
        if (s.tasks() != null) {
            attrs.add(s.tasks() + " tasks");
        }
        if (s.examples() != null) {
            attrs.add(s.examples() + " examples");
        }
        if (!s.corpus().isEmpty()) {
            attrs.add("corpus " + String.join("+", s.corpus()));
        }
        return Describe.stage(s) + (attrs.isEmpty() ? "" : " (" + String.join(", ", attrs) + ")");
    }

    private static String commonAncestor(Reasoning r, String a, String b) {
        Set<String> chainA = new HashSet<>(r.kb().chain(a).stream().map(ModelRecord::id).toList());
        String common = null;
        for (ModelRecord m : r.kb().chain(b)) {
            if (chainA.contains(m.id())) {
                common = m.id();
            }
        }
        return common;
    }

    private static List<Comparison.FieldDiff> fields(Reasoning r, String a, String b) {
        Model ma = model(r, a);
        Model mb = model(r, b);
        List<Comparison.FieldDiff> out = new ArrayList<>();
        for (String f : FIELDS) {
            Object va = value(ma, f);
            Object vb = value(mb, f);
            if (!Objects.equals(va, vb)) {
                out.add(new Comparison.FieldDiff(f, Describe.value(f, va), Describe.value(f, vb)));
            }
        }
        return out;
    }

    private static Model model(Reasoning r, String id) {
        return r.stated().models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static Object value(Model m, String field) {
        return switch (field) {
            case "parameters" -> m.parameters();
            case "contextLength" -> m.contextLength();
            case "positionalEncoding" -> m.positionalEncoding();
            default -> m.dataCutoff();
        };
    }
}
