package org.origins.kb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training stage written on the command line: {@code KIND[:NAME=VALUE,...]}, e.g.
 * {@code code-training:tokens=100B,codeShare=0.3} or {@code supervised-instruction-tuning:tasks=1800}.
 * Sizes take suffixes (tokens: M, B, T; counts: K, M; shares: %); lists join with '+'
 * ({@code corpus=web-text+code}). Read into the same JSON a model file would hold, sourced USER.
 */
public final class StageSpec {
    private StageSpec() {
    }

    public static ObjectNode parse(String spec, KnowledgeBase kb) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        StageKind k = kb.stageKinds().get(kind);
        if (k == null || k.isAbstract()) {
            List<String> kinds = kb.stageKinds().values().stream().filter(x -> !x.isAbstract()).map(StageKind::id).toList();
            String hint = Suggest.hint(kind, kinds);
            throw new IllegalArgumentException((k == null ? "unknown stage kind \"" + kind + "\"" : "\"" + kind + "\" is a family, not a stage kind")
                    + (hint.isEmpty() ? "; kinds: " + String.join(", ", kinds) : hint));
        }
        ObjectNode stage = JsonNodeFactory.instance.objectNode();
        stage.put("kind", kind);
        stage.put("description", "given on the command line: " + text);
        stage.putArray("sources").add("USER");
        stage.put("status", "inferred");
        if (colon < 0 || colon == text.length() - 1) {
            return stage;
        }
        for (String part : text.substring(colon + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected NAME=VALUE after \"" + kind + ":\", found \"" + part + "\"");
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (!k.attributes().contains(name)) {
                String hint = Suggest.hint(name, k.attributes());
                throw new IllegalArgumentException("a " + kind + " stage does not take \"" + name + "\""
                        + (hint.isEmpty() ? "" : hint) + "; it takes: "
                        + (k.attributes().isEmpty() ? "nothing" : String.join(", ", k.attributes())));
            }
            switch (name) {
                case "tokens" -> stage.put(name, scaled(value, name, true));
                case "tasks", "examples" -> stage.put(name, (long) count(value, name));
                case "codeShare", "computeShare" -> stage.put(name, share(value, name));
                case "corpus", "mixture" -> {
                    var arr = stage.putArray(name);
                    for (String v : value.split("\\+")) {
                        arr.add(v.strip());
                    }
                }
                default -> stage.put(name, value);
            }
        }
        return stage;
    }

    /** Billions: "100B" → 100, "1.4T" → 1400, "500M" → 0.5, "300" → 300. */
    static double scaled(String v, String name, boolean billions) {
        String s = v.toUpperCase(Locale.ROOT);
        double mult = 1;
        if (s.endsWith("T")) {
            mult = 1000;
        } else if (s.endsWith("M")) {
            mult = 0.001;
        }
        if (s.matches(".*[TMB]$")) {
            s = s.substring(0, s.length() - 1);
        }
        return number(s, v, name, "billions, e.g. 100B or 1.4T") * mult;
    }

    static double count(String v, String name) {
        String s = v.toUpperCase(Locale.ROOT);
        double mult = s.endsWith("K") ? 1_000 : s.endsWith("M") ? 1_000_000 : 1;
        if (mult > 1) {
            s = s.substring(0, s.length() - 1);
        }
        double d = number(s, v, name, "a whole number, e.g. 1800 or 77K") * mult;
        if (d != Math.rint(d) || d < 1) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, found \"" + v + "\"");
        }
        return d;
    }

    static double share(String v, String name) {
        boolean pct = v.endsWith("%");
        double d = number(pct ? v.substring(0, v.length() - 1) : v, v, name, "a share such as 0.3 or 30%");
        double share = pct ? d / 100 : d;
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 (0% and 100%), found \"" + v + "\"");
        }
        return share;
    }

    private static double number(String s, String original, String name, String expected) {
        try {
            return amount(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + expected + ", found \"" + original + "\"");
        }
    }

    /**
     * A finite number of zero or more as written on a command line: "_" and "," may group digits
     * (1_000, 1,000). Anything else is a NumberFormatException.
     */
    public static double amount(String s) {
        double d = Double.parseDouble(s.replace("_", "").replace(",", ""));
        if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    /** A whole model given by flags, as the JSON a file would hold. */
    public static ObjectNode model(String id, String parent, Double parameters, List<String> stages, KnowledgeBase kb) {
        return model(id, parent, parameters, stages, kb, "--stage");
    }

    /** {@code option} names the flag the stages came from, for messages. */
    public static ObjectNode model(String id, String parent, Double parameters, List<String> stages, KnowledgeBase kb,
                                   String option) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("id", id);
        m.put("hypothetical", true);
        ObjectNode p = m.putObject("parent");
        if (parent == null) {
            p.putNull("value");
        } else {
            p.put("value", Names.model(kb, parent));
        }
        p.put("source", "USER");
        p.put("status", "inferred");
        if (parameters != null) {
            m.put("parameters", parameters);
        }
        var arr = m.putArray("stages");
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            try {
                arr.add(parse(stages.get(i), kb));
            } catch (IllegalArgumentException e) {
                errors.add(option + " " + stages.get(i) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors.stream().map(e -> Problem.error(null, 0, 0, null, e)).toList());
        }
        return m;
    }
}
