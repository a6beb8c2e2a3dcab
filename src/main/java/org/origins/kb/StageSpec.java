package org.origins.kb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * A training stage written on the command line: {@code KIND[:NAME=VALUE,...]}, e.g.
 * {@code code-training:tokens=100B,codeShare=0.3} or {@code supervised-instruction-tuning:tasks=1800}.
 * Numbers are read by {@link Units} (tokens: 100B, 1.4T; counts: 77K; shares: 30%); lists join with '+'
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
                case "tokens" -> stage.put(name, scaled(value, name));
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

    /** Billions (see {@link Units#billions}): "100B" → 100, "1.4T" → 1400, "500M" → 0.5, "300" → 300. */
    static double scaled(String v, String name) {
        double d = number(v, name, Units.Scale.BILLIONS, "billions, e.g. 100B or 1.4T");
        if (d > Units.MAX_TOKENS) {
            throw new IllegalArgumentException(name + " must be at most " + (long) Units.MAX_TOKENS + " billion (a bare number "
                    + "is in billions: write 1.4T or 1400 for 1.4 trillion), found \"" + v + "\"");
        }
        return d;
    }

    static double count(String v, String name) {
        double d = number(v, name, Units.Scale.COUNT, "a whole number, e.g. 1800 or 77K");
        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, found \"" + v + "\"");
        }
        return d;
    }

    static double share(String v, String name) {
        double share = number(v, name, Units.Scale.SHARE, "a share such as 0.3 or 30%");
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 (0% and 100%), found \"" + v + "\"");
        }
        return share;
    }

    private static double number(String v, String name, Units.Scale scale, String expected) {
        try {
            return Units.read(v, scale);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + expected + ", found \"" + v + "\"");
        }
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
