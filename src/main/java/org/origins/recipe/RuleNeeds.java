package org.origins.recipe;

import org.origins.io.FilePaths;
import org.origins.kb.Level;
import org.origins.rules.Condition;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one rule needs to conclude its effect on an ability, read from its left-hand side as the
 * analyst wrote it: the stage the effect is about ({@code stage}: alternatives, each a conjunction
 * of atoms, the kind among them), stages that must come before it ({@code earlier}, one conjunction
 * per {@code Earlier} pattern), the model that owns it ({@code model}: {@code parameters >= 100}),
 * and patterns on derived facts ({@code derived}: a {@code Threshold} by name, ...), which only the
 * engine can judge. {@code stage} is empty when the rule's effect is not about a stage pattern of
 * its own (the search then leaves the rule alone).
 */
record RuleNeeds(RuleInfo rule, RuleInfo.Conclusion conclusion, List<List<Atom>> stage, List<List<Atom>> earlier,
                 List<Atom> model, List<Condition> derived) {

    /** {@code Effect.gives($s, "ability", ...)}: the factory, the stage variable, the ability. */
    private static final Pattern CONCLUDES = Pattern.compile("Effect\\s*\\.\\s*(\\w+)\\s*\\(\\s*(\\$?\\w+)\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern MODEL_BINDING = Pattern.compile("^(\\$\\w+)\\s*:\\s*model$");
    /** Alternatives beyond this many (the product of several {@code ||}) are not tried. */
    private static final int MOST_ALTERNATIVES = 8;

    RuleNeeds {
        stage = List.copyOf(stage);
        earlier = List.copyOf(earlier);
        model = List.copyOf(model);
        derived = List.copyOf(derived);
    }

    /**
     * Every rule's needs for each of its conclusions about {@code ability}: those that give the
     * highest level first (a change several rules suggest is credited to the one that gives most),
     * then those that raise by a step, then those that lower; in the rule base's order among equals.
     */
    static List<RuleNeeds> about(RuleBase rules, String ability) {
        List<RuleNeeds> out = new ArrayList<>();
        for (RuleInfo r : answering(rules)) {
            for (RuleInfo.Conclusion c : r.conclusions()) {
                if (c.ability().equals(ability)) {
                    out.add(of(r, c, stageVariable(r, c)));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(RuleNeeds::rank));
        return out;
    }

    /** The rules that take part in the answers (with views, those of the view asked for). */
    static List<RuleInfo> answering(RuleBase rules) {
        return rules.activeRules();
    }

    /** Gives strong, present, weak, then raises by a step, then lowers. */
    private int rank() {
        if (!conclusion.raises()) {
            return 5;
        }
        return Level.parse(conclusion.level()).map(l -> Level.STRONG.ordinal() - l.ordinal()).orElse(4);
    }

    private static String stageVariable(RuleInfo r, RuleInfo.Conclusion c) {
        Matcher m = CONCLUDES.matcher(r.consequence());
        while (m.find()) {
            if (m.group(1).equals(c.change()) && m.group(3).equals(c.ability())) {
                return m.group(2);
            }
        }
        return null;
    }

    private static RuleNeeds of(RuleInfo r, RuleInfo.Conclusion c, String var) {
        Condition stagePattern = r.conditions().stream()
                .filter(p -> p.scope().isEmpty() && p.type().equals("Stage") && var != null && var.equals(p.binding()))
                .findFirst().orElse(null);
        if (stagePattern == null) {
            return new RuleNeeds(r, c, List.of(), List.of(), List.of(), List.of());
        }
        String modelVar = null;
        for (Condition.Constraint k : stagePattern.constraints()) {
            Matcher m = MODEL_BINDING.matcher(k.text().strip());
            if (m.matches()) {
                modelVar = m.group(1);
            }
        }
        List<List<Atom>> earlier = new ArrayList<>();
        List<Atom> model = new ArrayList<>();
        List<Condition> derived = new ArrayList<>();
        for (Condition p : r.conditions()) {
            if (p == stagePattern || !p.scope().isEmpty()) {
                continue;   // negated patterns are left to the engine
            }
            if (p.type().equals("Earlier") && p.constraints().stream().anyMatch(k -> k.text().strip().equals("stage == " + var))) {
                List<Atom> atoms = new ArrayList<>();
                for (Atom a : first(p)) {
                    Atom below = a.below("earlier");
                    if (below != null) {
                        atoms.add(below);
                    }
                }
                earlier.add(atoms);
            } else if (p.type().equals("Model") && modelVar != null && mentions(p, "id == " + modelVar)) {
                String join = "id == " + modelVar;
                first(p).stream().filter(a -> !a.text().equals(join)).forEach(model::add);
            } else {
                derived.add(p);
            }
        }
        return new RuleNeeds(r, c, alternatives(stagePattern), earlier, model, derived);
    }

    private static boolean mentions(Condition p, String constraint) {
        return p.constraints().stream().anyMatch(k -> k.text().strip().equals(constraint));
    }

    /** The atoms of a pattern's first alternative (its constraints joined). */
    private static List<Atom> first(Condition p) {
        return alternatives(p).get(0);
    }

    /** A pattern's alternatives: every combination of its constraints' alternatives (at most {@link #MOST_ALTERNATIVES}). */
    static List<List<Atom>> alternatives(Condition p) {
        List<List<Atom>> out = new ArrayList<>();
        out.add(List.of());
        for (Condition.Constraint k : p.constraints()) {
            List<List<Atom>> next = new ArrayList<>();
            for (List<Atom> so : out) {
                for (List<Atom> alt : Atom.alternatives(k.text())) {
                    if (next.size() < MOST_ALTERNATIVES) {
                        List<Atom> joined = new ArrayList<>(so);
                        joined.addAll(alt);
                        next.add(List.copyOf(joined));
                    }
                }
            }
            out = next;
        }
        return out;
    }

    /** Whether the effect is about a stage pattern this class took apart. */
    boolean analysable() {
        return !stage.isEmpty();
    }

    String id() {
        return rule.id() == null ? rule.name() : rule.id();
    }

    /** "rules/code.drl:73". */
    String place() {
        return FilePaths.display(rule.file()) + ":" + rule.line();
    }

    /** Whether the conclusion can raise a level that is now {@code current}. */
    boolean canRaise(Level current) {
        if (conclusion.change().equals("gives")) {
            return Level.parse(conclusion.level()).map(l -> l.compareTo(current) > 0).orElse(false);
        }
        return conclusion.raises() && current != Level.STRONG;
    }
}
