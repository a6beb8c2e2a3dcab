package org.origins.explain;

import org.origins.kb.Grade;

import java.util.List;

/**
 * Everything {@code origins report} puts in one shareable file: the evolution tree, the ability
 * matrix (with observations), the proof of every cell above none, the observations checked, the
 * disputed facts, the rules and the sources. {@code hypothetical}: the ids of the hypothetical models
 * in it (drawn and marked apart: predictions, not observations).
 */
public record Report(String schema, List<String> hypothetical, EvolutionTree lineage, Matrix matrix, List<AbilityProof> proofs,
                     ObservationReport observations, Disputes disputes, List<RuleEntry> rules, List<SourceEntry> sources) implements Answer {
    public static final String SCHEMA = "origins.report/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.report(this);
    }

    public Report {
        hypothetical = List.copyOf(hypothetical);
        proofs = List.copyOf(proofs);
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
    }

    /** A rule as the report lists it: its claim, grade, source, place, and the abilities it concludes about. */
    public record RuleEntry(String id, String claim, Grade grade, String source, String location, List<String> abilities) {
        public RuleEntry {
            abilities = List.copyOf(abilities);
        }
    }

    /** A bibliography entry; {@code url} is shown as text, never loaded. */
    public record SourceEntry(String id, String title, String authors, Integer year, String url) {
    }
}
