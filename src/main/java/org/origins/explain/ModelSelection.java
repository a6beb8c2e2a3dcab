package org.origins.explain;

import org.origins.io.InputException;
import org.origins.io.Suggest;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which models an answer covers ({@code matrix} and {@code lineage}'s filters): those of an
 * organisation, of a series, hypothetical or real ones; null means any. Names are matched as typed,
 * ignoring case; an unknown one is an input error with the close matches.
 */
public record ModelSelection(String organisation, String series, Boolean hypothetical) {
    public static final ModelSelection ALL = new ModelSelection(null, null, null);

    /**
     * A selection as typed: {@code hypothetical} is yes (only hypothetical models), no (only real ones)
     * or null (both).
     */
    public static ModelSelection of(String organisation, String series, String hypothetical) {
        Boolean h = null;
        if (hypothetical != null) {
            switch (hypothetical.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "only" -> h = true;
                case "no", "false", "none" -> h = false;
                default -> throw new InputException("--hypothetical " + hypothetical
                        + ": expected yes (only hypothetical models) or no (only real ones)");
            }
        }
        return new ModelSelection(blankless(organisation), blankless(series), h);
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isAll() {
        return organisation == null && series == null && hypothetical == null;
    }

    /** Whether the model is selected. */
    public boolean test(ModelRecord m) {
        return matches(organisation, m.organisation()) && matches(series, m.series())
                && (hypothetical == null || hypothetical == m.hypothetical());
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.strip().equalsIgnoreCase(value == null ? "" : value);
    }

    /** Checks the names against the knowledge base's; returns this selection. */
    public ModelSelection checked(KnowledgeBase kb) {
        check("--organisation", "organisation", organisation, kb, ModelRecord::organisation);
        check("--series", "series", series, kb, ModelRecord::series);
        return this;
    }

    private static void check(String option, String what, String wanted, KnowledgeBase kb, Function<ModelRecord, String> of) {
        if (wanted == null) {
            return;
        }
        Set<String> known = new LinkedHashSet<>(kb.models().stream().map(of).filter(Objects::nonNull).sorted().toList());
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(wanted.strip()))) {
            String hint = Suggest.hint(wanted, List.copyOf(known));
            throw new InputException(option + " " + wanted + ": no model of that " + what + (hint.isEmpty()
                    ? "; known: " + String.join(", ", known) : hint));
        }
    }

    /** "organisation OpenAI, hypothetical" — what was selected, for a heading. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (organisation != null) {
            b.append("organisation ").append(organisation.strip());
        }
        if (series != null) {
            b.append(b.length() == 0 ? "" : ", ").append("series ").append(series.strip());
        }
        if (hypothetical != null) {
            b.append(b.length() == 0 ? "" : ", ").append(hypothetical ? "hypothetical" : "real").append(" models");
        }
        return b.length() == 0 ? "all models" : b.toString();
    }
}
