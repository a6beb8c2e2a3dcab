package org.origins.scenario;

import org.origins.io.InputException;
import org.origins.io.Suggest;
import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.Names;
import org.origins.kb.Relation;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/** Reads one expectation line; a bad line is an error saying which form was expected. */
final class ExpectationParser {
    static final String FORMS = "expected one of: MODEL ABILITY OP LEVEL | MODEL ABILITY OP OTHER-MODEL | "
            + "MODEL ABILITY derived-by RULE | MODEL ABILITY not-derived | MODEL ABILITY grade OP GRADE | "
            + "MODEL ABILITY unlocked|injected | MODEL base-doubted BASE | rule RULE grade OP GRADE (OP: = >= <= > <)";

    private ExpectationParser() {
    }

    /** @throws IllegalArgumentException with a message for the analyst */
    static Expectation parse(String line, KnowledgeBase kb, RuleBase rules) {
        String text = line.strip();
        String[] t = text.split("\\s+");
        try {
            if (t[0].equals("rule")) {
                need(t, 5);
                return new Expectation.RuleGrade(text, rule(t[1], rules), op(t[3], "grade"), grade(t[4]));
            }
            atLeast(t, 3);
            String model = Names.model(kb, t[0]);
            if (t[1].equals("base-doubted")) {
                need(t, 3);
                return new Expectation.BaseDoubted(text, model, Names.model(kb, t[2]));
            }
            String ability = Names.ability(kb, t[1]);
            switch (t[2]) {
                case "derived-by" -> {
                    need(t, 4);
                    return new Expectation.DerivedBy(text, model, ability, rule(t[3], rules));
                }
                case "not-derived" -> {
                    need(t, 3);
                    return new Expectation.NotDerived(text, model, ability);
                }
                case "unlocked", "injected" -> {
                    need(t, 3);
                    return new Expectation.MechanismIs(text, model, ability, t[2]);
                }
                case "grade" -> {
                    need(t, 5);
                    return new Expectation.GradeIs(text, model, ability, op(t[3], "grade"), grade(t[4]));
                }
                default -> {
                    need(t, 4);
                    Relation op = op(t[2], "level");
                    Optional<Level> level = Level.parse(t[3]);
                    if (level.isPresent()) {
                        return new Expectation.LevelIs(text, model, ability, op, level.get());
                    }
                    return new Expectation.Ordered(text, model, ability, op, Names.model(kb, t[3]));
                }
            }
        } catch (InputException e) {
            throw new IllegalArgumentException(e.problems().get(0).message());
        }
    }

    private static void atLeast(String[] t, int n) {
        if (t.length < n) {
            throw new IllegalArgumentException("incomplete expectation; " + FORMS);
        }
    }

    private static void need(String[] t, int n) {
        if (t.length != n) {
            throw new IllegalArgumentException((t.length < n ? "incomplete expectation; " : "too many words; ") + FORMS);
        }
    }

    private static Relation op(String s, String what) {
        return Relation.parse(s).orElseThrow(() -> new IllegalArgumentException("\"" + s + "\" is not a comparison before a "
                + what + "; " + FORMS));
    }

    private static Grade grade(String s) {
        return Grade.parse(s).orElseThrow(() -> new IllegalArgumentException("unknown grade \"" + s
                + "\"; expected conclusion, strong-hypothesis, hypothesis or educated-guess"));
    }

    private static String rule(String id, RuleBase rules) {
        if (rules.byId(id).isPresent()) {
            return id;
        }
        List<String> ids = rules.rules().stream().map(RuleInfo::id).filter(java.util.Objects::nonNull).toList();
        throw new IllegalArgumentException("unknown rule \"" + id + "\"" + Suggest.hint(id, ids));
    }
}
