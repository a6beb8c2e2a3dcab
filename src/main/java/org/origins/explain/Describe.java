package org.origins.explain;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Compute;
import org.origins.facts.Earlier;
import org.origins.facts.Effect;
import org.origins.facts.Lineage;
import org.origins.facts.Mechanism;
import org.origins.facts.Model;
import org.origins.facts.Stage;
import org.origins.facts.Threshold;
import org.origins.kb.Statement;

import java.util.Collection;

/** Short, plain labels for facts and values, shared by every output format. */
public final class Describe {
    private Describe() {
    }

    public static String stage(Stage s) {
        return s.id() + " " + s.kind();
    }

    public static String fact(Object f) {
        if (f instanceof Model m) {
            return "model " + m.id();
        }
        if (f instanceof Stage s) {
            return "stage " + stage(s);
        }
        if (f instanceof Lineage l) {
            return l.distance() == 0 ? "lineage: " + l.model() + " is itself"
                    : "lineage: " + l.ancestor() + " is an ancestor of " + l.model() + " (" + generations(l.distance()) + ")";
        }
        if (f instanceof Earlier e) {
            return "order: " + stage(e.earlier()) + " comes before " + stage(e.stage());
        }
        if (f instanceof Effect e) {
            return "effect: " + stage(e.stage()) + " " + e.describe() + " " + e.ability();
        }
        if (f instanceof Mechanism m) {
            return "mechanism: " + m.ability() + " " + m.how() + " by " + stage(m.stage());
        }
        if (f instanceof Compute c) {
            return "compute of " + c.model() + ": " + c.formula()
                    + (c.codeFlops() > 0 ? "; on code " + Compute.scientific(c.codeFlops()) + " FLOP = 6 × "
                    + Compute.billions(c.parameters()) + " × " + Compute.billions(c.codeTokens()) + " tokens" : "")
                    + "; " + number(Math.round(c.tokensPerParameter() * 10) / 10.0) + " tokens per parameter";
        }
        if (f instanceof Threshold t) {
            return "scale: " + t.model() + ", threshold " + t.name() + ": " + t.describe();
        }
        if (f instanceof BaseDoubt b) {
            return "doubt: " + b.model() + " was probably not trained from " + b.base();
        }
        return String.valueOf(f);
    }

    private static String generations(int n) {
        return n == 1 ? "parent" : n == 2 ? "grandparent" : n + " generations back";
    }

    /** A field value in the unit a reader expects. */
    public static String value(String field, Object v) {
        if (v == null) {
            return "undisclosed";
        }
        return switch (field) {
            case "parameters" -> number(v) + "B";
            case "tokens", "trainedTokens", "trainedCodeTokens" -> number(v) + "B tokens";
            case "codeShare", "computeShare" -> percent(v);
            case "contextLength" -> v + " tokens";
            case "dataCutoff" -> v instanceof Integer i ? String.format("%d-%02d", i / 100, i % 100) : v.toString();
            default -> v instanceof Collection<?> c ? c.isEmpty() ? "(none)" : String.join(", ", c.stream().map(String::valueOf).sorted().toList())
                    : v instanceof Double d ? number(d) : v.toString();
        };
    }

    static String number(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(v);
    }

    static String percent(Object v) {
        double d = ((Number) v).doubleValue() * 100;
        String s = d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.2f", d).replaceAll("0+$", "");
        return s + "%";
    }

    /** "8192 (ESSAY §3.2, inferred)". */
    public static String alternative(String field, Statement<?> s) {
        return value(field, s.value()) + " (" + s.citation() + ", " + s.status() + ")";
    }
}
