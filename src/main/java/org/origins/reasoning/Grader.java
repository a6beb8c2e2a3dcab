package org.origins.reasoning;

import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.rules.Condition;
import org.origins.rules.RuleInfo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How sure each conclusion is: a derived fact's grade is the weakest link of its best justification
 * (the rule's grade and the grades of the premises it used); a stated premise counts only with the
 * fields the rule's pattern constrains (read from the pattern's text); an inherited step is no
 * stronger than the parent links it passes through. Several justifications keep the strongest.
 * Remembers what it computed (a memo per run); not for use by two threads at once.
 */
public final class Grader {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final KnowledgeBase kb;
    private final DerivationGraph graph;
    private final Map<Object, Grade> grades = new HashMap<>();
    private final Map<Object, Grade> byIdentity = new IdentityHashMap<>();
    /** What a pattern reads of a premise depends only on the premise's type: computed once per run. */
    private final Map<PatternUse, Set<String>> usedFields = new HashMap<>();
    private final Map<PatternUse, List<Nested>> nestedFields = new HashMap<>();
    private final Map<RuleInfo, List<Condition>> positivePatterns = new IdentityHashMap<>();

    Grader(KnowledgeBase kb, DerivationGraph graph) {
        this.kb = kb;
        this.graph = graph;
    }

    /** A record component of a derived fact and the fields of it a pattern reads ({@code stage.examples}). */
    private record Nested(RecordComponent component, Set<String> used) {
    }

    private record PatternUse(Class<?> type, Condition pattern) {
    }

    /** The grade of a derived fact: its best justification's weakest link. Stated facts: as a whole. */
    public Grade grade(Object fact) {
        return grade(fact, null, new HashSet<>());
    }

    /** The grade of a premise as a pattern used it (only the fields the pattern constrains count). */
    public Grade premiseGrade(Object premise, Condition pattern) {
        return grade(premise, pattern, new HashSet<>());
    }

    public Grade derivationGrade(Derivation d) {
        return derivationGrade(d, new HashSet<>());
    }

    private Grade grade(Object fact, Condition pattern, Set<Object> visiting) {
        Grade known = byIdentity.get(fact); // the same instance asked again: skips hashing a deep record twice
        if (known != null) {
            return known;
        }
        FactOrigin o = graph.origin(fact);
        if (o != null) {
            return pattern == null ? o.gradeFor(o.fields().keySet()) : o.gradeFor(usedFields(fact, pattern));
        }
        Grade cached = grades.get(fact);
        if (cached != null) {
            byIdentity.put(fact, cached);
            return cached;
        }
        if (!visiting.add(fact)) {
            return Grade.EDUCATED_GUESS;
        }
        Grade best = null;
        for (Derivation d : graph.derivations(fact)) {
            Grade g = derivationGrade(d, visiting);
            best = best == null ? g : Grade.strongest(best, g);
        }
        visiting.remove(fact);
        Grade result = best == null ? Grade.CONCLUSION : best;
        grades.put(fact, result);
        byIdentity.put(fact, result);
        return pattern == null ? result : Grade.weakest(result, nestedGrade(fact, pattern));
    }

    private Grade derivationGrade(Derivation d, Set<Object> visiting) {
        Grade g = d.rule().grade() == null ? Grade.EDUCATED_GUESS : d.rule().grade();
        List<Condition> patterns = positivePatterns.computeIfAbsent(d.rule(), RuleInfo::positivePatterns);
        for (int i = 0; i < d.premises().size(); i++) {
            Condition p = patternFor(d, i, patterns);
            g = Grade.weakest(g, grade(d.premises().get(i), p, visiting));
        }
        return g;
    }

    /**
     * A pattern on a derived fact may read fields of a stated fact inside it
     * ({@code Effect( stage.examples <= 1000000 )}): those fields' provenance counts too.
     */
    private Grade nestedGrade(Object fact, Condition pattern) {
        Grade g = Grade.CONCLUSION;
        for (Nested n : nestedFields(fact.getClass(), pattern)) {
            Object inner;
            try {
                inner = n.component().getAccessor().invoke(fact);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            FactOrigin o = inner == null ? null : graph.origin(inner);
            if (o != null) {
                g = Grade.weakest(g, o.gradeFor(n.used()));
            }
        }
        return g;
    }

    private Set<String> usedFields(Object premise, Condition pattern) {
        return usedFields.computeIfAbsent(new PatternUse(premise.getClass(), pattern), k -> fieldsUsed(premise, pattern));
    }

    private List<Nested> nestedFields(Class<?> type, Condition pattern) {
        return nestedFields.computeIfAbsent(new PatternUse(type, pattern), k -> {
            List<Nested> out = new ArrayList<>();
            RecordComponent[] rc = type.getRecordComponents();
            if (rc == null) {
                return out;
            }
            for (RecordComponent c : rc) {
                Set<String> used = new LinkedHashSet<>();
                Pattern nested = Pattern.compile("(?<![$\\w])" + c.getName() + "\\.(\\w+)");
                for (Condition.Constraint k2 : pattern.constraints()) {
                    Matcher m = nested.matcher(k2.text());
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
                if (!used.isEmpty()) {
                    out.add(new Nested(c, used));
                }
            }
            return out;
        });
    }

    /** The pattern that matched the i-th premise, when the rule's shape allows telling. */
    public static Condition patternFor(Derivation d, int i, List<Condition> patterns) {
        if (patterns.size() == d.premises().size() && i < patterns.size()) {
            Condition c = patterns.get(i);
            if (c.type().equals(d.premises().get(i).getClass().getSimpleName())) {
                return c;
            }
        }
        return null;
    }

    /** Field names of the premise's record that the pattern's constraints mention. */
    public static Set<String> fieldsUsed(Object premise, Condition pattern) {
        RecordComponent[] rc = premise.getClass().getRecordComponents();
        Set<String> names = new HashSet<>();
        if (rc != null) {
            for (RecordComponent c : rc) {
                names.add(c.getName());
            }
        }
        if (pattern == null) {
            return names;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Condition.Constraint c : pattern.constraints()) {
            Matcher m = IDENT.matcher(c.text().replaceAll("\"[^\"]*\"", ""));
            while (m.find()) {
                int start = m.start();
                boolean bound = start > 0 && c.text().charAt(start - 1) == '$';
                if (!bound && names.contains(m.group())) {
                    used.add(m.group());
                }
            }
        }
        return used;
    }

    /**
     * How sure the parent links are from {@code model} up to {@code ancestor}: an inherited step is
     * no stronger than the weakest link it passes through.
     */
    public Grade linkGrade(String model, String ancestor) {
        Grade g = Grade.CONCLUSION;
        for (ModelRecord m = kb.model(model).orElse(null); m != null && !m.id().equals(ancestor);
             m = kb.parentOf(m).orElse(null)) {
            g = Grade.weakest(g, m.parent().chosen().map(s -> s.status().grade()).orElse(Grade.CONCLUSION));
        }
        return g;
    }

    /** The strongest justification of any of these derived facts (the first of equals), or null. */
    public Derivation bestDerivation(List<?> facts) {
        Derivation best = null;
        Grade bestGrade = null;
        for (Object f : facts) {
            for (Derivation d : graph.derivations(f)) {
                Grade g = derivationGrade(d);
                if (best == null || g.compareTo(bestGrade) > 0) {
                    best = d;
                    bestGrade = g;
                }
            }
        }
        return best;
    }
}
