package org.origins.explain;

import org.origins.facts.Effect;
import org.origins.facts.Stage;
import org.origins.kb.Ability;
import org.origins.kb.Status;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.FactOrigin;
import org.origins.reasoning.FieldOrigin;
import org.origins.reasoning.Grader;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.Condition;
import org.origins.rules.RuleInfo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the proof of a model's level of an ability: each step of its history that touched the
 * ability, each with the rules that justify it, down to the stated facts and their sources. A
 * fact shown once is referred to afterwards; below {@code depth} rule applications derived
 * facts are cut.
 */
public final class WhyQuery {
    private final Reasoning r;
    private final int depth;
    private final Map<Object, String> shown = new HashMap<>();
    private final Map<Object, java.util.Set<String>> shownFields = new HashMap<>();

    private WhyQuery(Reasoning r, int depth) {
        this.r = r;
        this.depth = depth;
    }

    public static AbilityProof why(Reasoning r, String model, String ability, int depth) {
        return new WhyQuery(r, depth).build(model, ability);
    }

    private AbilityProof build(String model, String abilityId) {
        Ability ability = r.kb().ability(abilityId).orElseThrow();
        LevelTrace trace = r.trace(model, abilityId);
        List<ProofStep> steps = new ArrayList<>();
        for (Step s : trace.steps()) {
            List<RuleStep> because = new ArrayList<>();
            for (Effect e : s.effects()) {
                for (Derivation d : r.derivations(e)) {
                    because.add(ruleStep(d, depth));
                }
            }
            Stage st = s.stage();
            String change = s.effects().get(0).describe();
            steps.add(new ProofStep(st.id(), st.kind(), st.model(), !st.model().equals(model), change, s.before(), s.after(),
                    s.changed(), s.grade(), because));
        }
        String hint = trace.level() == org.origins.kb.Level.NONE
                ? model + " lacks " + abilityId + ": no rule concluded it from its training history; "
                + "`origins why-not " + model + " " + abilityId + "` shows which rules could have and what they miss"
                : null;
        return new AbilityProof(AbilityProof.SCHEMA, model, r.kb().require(model).hypothetical(), abilityId, ability.name(),
                ability.nameZh(), trace.level(), trace.grade(), r.history(model).stream().map(Describe::stage).toList(),
                lineage(r, model), steps, Notes.mechanisms(r, model, abilityId), Notes.doubts(r, model), hint);
    }

    static List<AbilityProof.ParentLink> lineage(Reasoning r, String model) {
        List<AbilityProof.ParentLink> out = new ArrayList<>();
        for (var m : r.kb().chain(model)) {
            var chosen = m.parent().chosen().orElse(null);
            if (m.parent().value() != null && chosen != null) {
                out.add(new AbilityProof.ParentLink(m.id(), m.parent().value(), chosen.citation(), chosen.status(),
                        m.parent().isDisputed(), m.parent().alternatives().stream().map(s -> Describe.alternative("parent", s)).toList()));
            }
        }
        return out;
    }

    private RuleStep ruleStep(Derivation d, int remaining) {
        RuleInfo rule = d.rule();
        List<Condition> patterns = rule.positivePatterns();
        List<ProofNode> premises = new ArrayList<>();
        for (int i = 0; i < d.premises().size(); i++) {
            premises.add(node(d.premises().get(i), Grader.patternFor(d, i, patterns), remaining));
        }
        String location = rule.file() == null ? null
                : org.origins.io.FilePaths.display(rule.file()) + (rule.line() > 0 ? ":" + rule.line() : "");
        return new RuleStep(rule.id() == null ? rule.name() : rule.id(), rule.claim(), r.derivationGrade(d), rule.source(),
                location, premises);
    }

    private ProofNode node(Object fact, Condition pattern, int remaining) {
        String label = Describe.fact(fact);
        FactOrigin origin = r.origin(fact);
        if (origin != null) {
            List<FieldNote> fields = fields(fact, origin, pattern);
            String ref = shown.get(fact);
            java.util.Set<String> seen = shownFields.computeIfAbsent(fact, k -> new java.util.HashSet<>());
            List<FieldNote> fresh = fields.stream().filter(f -> !seen.contains(f.field())).toList();
            fields.forEach(f -> seen.add(f.field()));
            if (ref != null) {
                return new ProofNode.SeeAbove(ref, label, fresh);
            }
            ref = register(fact);
            return new ProofNode.Stated(ref, label, origin.file() == null ? null : org.origins.io.FilePaths.display(origin.file()),
                    origin.citation(), pattern == null ? r.grade(fact) : r.premiseGrade(fact, pattern), fields);
        }
        String ref = shown.get(fact);
        if (ref != null) {
            return new ProofNode.SeeAbove(ref, label, List.of());
        }
        if (remaining <= 0) {
            return new ProofNode.Elided(label, r.grade(fact));
        }
        ref = register(fact);
        List<RuleStep> just = new ArrayList<>();
        for (Derivation d : r.derivations(fact)) {
            just.add(ruleStep(d, remaining - 1));
        }
        return new ProofNode.Derived(ref, label, r.grade(fact), just);
    }

    private String register(Object fact) {
        String ref = "[" + (shown.size() + 1) + "]";
        shown.put(fact, ref);
        return ref;
    }

    /** The fields a pattern constrained, with their provenance; a model's id is its label. */
    private static List<FieldNote> fields(Object fact, FactOrigin origin, Condition pattern) {
        Set<String> used = Grader.fieldsUsed(fact, pattern);
        List<FieldNote> out = new ArrayList<>();
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            String name = c.getName();
            if (!used.contains(name) || name.equals("id") || name.equals("model") || name.equals("order")) {
                continue;
            }
            Object value;
            try {
                value = c.getAccessor().invoke(fact);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            FieldOrigin fo = origin.fields().get(name);
            if (fo == null || fo.chosen() == null || name.equals("kind") || name.equals("kinds")) {
                out.add(new FieldNote(name, Describe.value(name, value), origin.citation(), null, null,
                        fo != null && fo.disputed(), fo == null ? List.of() : alternatives(name, fo), null, false, false));
            } else {
                out.add(new FieldNote(name, Describe.value(name, value), fo.chosen().citation(), fo.chosen().status(),
                        fo.inheritedFrom() == null ? fo.chosen().note() : viaParent(origin), fo.disputed(),
                        alternatives(name, fo), fo.inheritedFrom(), fo.assumed(),
                        fo.inheritedFrom() != null || fo.chosen().status() == Status.DEFAULT || SUMMED.contains(name)));
            }
        }
        return out;
    }

    /** The fields of a model that the facts sum along its lineage rather than state (see {@link org.origins.facts.Model}). */
    private static final Set<String> SUMMED = Set.of("trainedTokens", "trainedCodeTokens");

    /** How an inherited value reached the model: through its parent link, with that link's source. */
    private static String viaParent(FactOrigin origin) {
        FieldOrigin parent = origin.fields().get("parent");
        return parent == null || parent.chosen() == null ? null
                : "through the parent link to " + parent.value() + " (" + parent.chosen().citation() + ", "
                + parent.chosen().status() + (parent.disputed() ? "; disputed" : "") + ")";
    }

    private static List<String> alternatives(String name, FieldOrigin fo) {
        String field = name.equals("kind") || name.equals("kinds") ? "present" : name;
        return fo.alternatives().stream().map(s -> Describe.alternative(field, s)).toList();
    }
}
