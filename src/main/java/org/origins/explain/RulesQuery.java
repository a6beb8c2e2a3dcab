package org.origins.explain;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Caveat;
import org.origins.facts.Earlier;
import org.origins.facts.Effect;
import org.origins.facts.Ingredient;
import org.origins.facts.Lineage;
import org.origins.facts.Mechanism;
import org.origins.io.FilePaths;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every rule with what it says and where, and the models it fired on in one reasoning run. */
public final class RulesQuery {
    private RulesQuery() {
    }

    public static RuleBook of(Reasoning r) {
        Map<String, Set<String>> fired = new HashMap<>();
        for (Object fact : r.derived(Object.class)) {
            String model = modelOf(fact);
            if (model == null) {
                continue;
            }
            for (Derivation d : r.derivations(fact)) {
                fired.computeIfAbsent(d.rule().name(), k -> new HashSet<>()).add(model);
            }
        }
        List<RuleBook.Entry> out = new ArrayList<>();
        for (RuleInfo rule : r.rules().rules()) {
            Set<String> on = fired.getOrDefault(rule.name(), Set.of());
            List<String> models = r.kb().models().stream().map(ModelRecord::id).filter(on::contains).toList();
            String location = rule.file() == null ? null : FilePaths.display(rule.file()) + (rule.line() > 0 ? ":" + rule.line() : "");
            out.add(new RuleBook.Entry(rule.id() == null ? rule.name() : rule.id(), rule.claim(), rule.grade(), rule.source(),
                    location, rule.abilities(), models));
        }
        out.sort(Comparator.comparing(RuleBook.Entry::id));
        return new RuleBook(RuleBook.SCHEMA, out);
    }

    /** The model a derived fact is about, or null for a fact about several (an experiment's contrast). */
    private static String modelOf(Object fact) {
        if (fact instanceof Effect e) {
            return e.stage().model();
        }
        if (fact instanceof Mechanism m) {
            return m.stage().model();
        }
        if (fact instanceof Earlier e) {
            return e.stage().model();
        }
        if (fact instanceof BaseDoubt b) {
            return b.model();
        }
        if (fact instanceof Lineage l) {
            return l.model();
        }
        if (fact instanceof Ingredient i) {
            return i.model();
        }
        return fact instanceof Caveat c ? c.model() : null;
    }
}
