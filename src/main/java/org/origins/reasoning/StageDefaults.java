package org.origins.reasoning;

import org.origins.kb.Defaults;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the attributes a stage's file leaves out with the knowledge base's defaults
 * ({@code facts/defaults.json}): each filled value is a statement of the default's source with
 * status {@code default} (an educated guess), so that proofs show it and grades carry it. A value the
 * file states, or the user assumes, is never replaced.
 */
final class StageDefaults {
    private final KnowledgeBase kb;

    StageDefaults(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** A stage's attribute values with those a default filled; {@code filled} maps each filled attribute to its origin. */
    record Filled(String objective, Double tokens, Double codeShare, Map<String, FieldOrigin> filled) {
    }

    Filled fill(ModelRecord m, StageRecord s, Double parameters) {
        Set<String> kinds = kb.kindClosure(s.kind());
        boolean first = Defaults.firstPretraining(kb, m, s);
        Map<String, FieldOrigin> filled = new LinkedHashMap<>();
        String objective = s.objective();
        Double tokens = s.tokens().value();
        Double codeShare = s.codeShare().value();
        for (Defaults.Default d : kb.defaults().defaults()) {
            if (filled.containsKey(d.field()) || !d.fits(kinds, m.released().value(), first)) {
                continue;
            }
            Object v;
            switch (d.field()) {
                case "objective" -> {
                    if (objective != null || !kinds.contains("pretraining")) {
                        continue;
                    }
                    v = d.valueFor(parameters);
                    objective = (String) v;
                }
                case "tokens" -> {
                    if (tokens != null) {
                        continue;
                    }
                    v = d.valueFor(parameters);
                    if (v == null) {
                        continue;
                    }
                    tokens = ((Number) v).doubleValue();
                    v = tokens;
                }
                default -> {
                    if (codeShare != null) {
                        continue;
                    }
                    v = d.valueFor(parameters);
                    codeShare = ((Number) v).doubleValue();
                    v = codeShare;
                }
            }
            filled.put(d.field(), origin(d, v));
        }
        return new Filled(objective, tokens, codeShare, filled);
    }


    static FieldOrigin origin(Defaults.Default d, Object value) {
        String note = d.id() + (d.perParameter() == null ? "" : " (" + fmt(d.perParameter()) + " tokens per parameter"
                + (d.atLeast() == null ? "" : ", at least " + fmt(d.atLeast()) + "B") + ")");
        Statement<Object> st = new Statement<>(value, d.source(), d.where(), Status.DEFAULT, note, null, null);
        return new FieldOrigin(d.field(), value, st, List.of(), null, Status.DEFAULT.grade());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
