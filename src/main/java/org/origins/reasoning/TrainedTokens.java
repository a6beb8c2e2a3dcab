package org.origins.reasoning;

import org.origins.facts.Compute;
import org.origins.kb.Grade;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model's weights have been trained on by the end of a stage: the sum of the tokens of
 * every stage of its lineage so far that states them (ancestors' stages first), and the code among
 * them (each stage's tokens times its code share). Compute accumulates along a lineage because
 * continued training trains the same weights further: a model tuned from a parent has received
 * the parent's compute and its own. Stages that do not state their tokens (fine-tuning, usually
 * under 1% of pretraining) add nothing. Unknown when the lineage's first pretraining does not state
 * its tokens and no default fills them. Each sum keeps its parts and its weakest grade for proofs.
 */
record TrainedTokens(Double tokens, Double codeTokens, Sum all, Sum code) {
    static final TrainedTokens NOTHING = new TrainedTokens(0.0, 0.0, Sum.EMPTY, Sum.EMPTY);
    static final TrainedTokens UNKNOWN = new TrainedTokens(null, null, Sum.EMPTY, Sum.EMPTY);

    /** One stage's part of a sum: its tokens, its code share (code sums only) and who says so. */
    record Part(String stage, double tokens, Double codeShare, Statement<?> tokensSaid, Statement<?> shareSaid) {
        /** "llama-2-7b#1 2T tokens (LLAMA2 Table 1)", "... × 5% code (PALM §3, default)"; built only when a proof shows it. */
        String text() {
            return stage + " " + Compute.billions(tokens) + " tokens" + cite(tokensSaid)
                    + (codeShare == null ? "" : " × " + Compute.trim(codeShare * 100) + "% code" + cite(shareSaid));
        }
    }

    /** The parts of a sum, their weakest grade and the first part's source. */
    record Sum(List<Part> parts, Grade grade, String source) {
        static final Sum EMPTY = new Sum(List.of(), Grade.CONCLUSION, null);

        Sum plus(Part part, Grade g, String src) {
            List<Part> p = new ArrayList<>(parts.size() + 1);
            p.addAll(parts);
            p.add(part);
            return new Sum(p, Grade.weakest(grade, g), source != null ? source : src);
        }

        Sum weaker(Grade g) {
            return new Sum(parts, Grade.weakest(grade, g), source);
        }
    }

    /** After a stage of {@code stageTokens} (stated by {@code tokensSaid}) with code share {@code codeShare} ({@code shareSaid}). */
    TrainedTokens plus(String stage, Double stageTokens, Statement<?> tokensSaid, Double codeShare, Statement<?> shareSaid) {
        if (tokens == null) {
            return this;
        }
        if (stageTokens == null) {
            // a pretraining stage without tokens makes the total unknown; a tuning stage adds nothing known
            return tokens == 0 ? UNKNOWN : this;
        }
        Grade tg = grade(tokensSaid);
        Sum nextAll = all.plus(new Part(stage, stageTokens, null, tokensSaid, null), tg, tokensSaid == null ? null : tokensSaid.source());
        Sum nextCode = code;
        double extra = 0;
        if (codeShare != null && codeShare > 0) {
            extra = stageTokens * codeShare;
            nextCode = code.plus(new Part(stage, stageTokens, codeShare, tokensSaid, shareSaid), Grade.weakest(tg, grade(shareSaid)),
                    shareSaid == null ? null : shareSaid.source());
        }
        return new TrainedTokens(tokens + stageTokens, codeTokens + extra, nextAll, nextCode);
    }

    private static Grade grade(Statement<?> s) {
        return s == null ? Grade.CONCLUSION : s.status().grade();
    }

    private static String cite(Statement<?> s) {
        return s == null ? "" : " (" + s.citation() + (s.status() == Status.PUBLISHED ? "" : ", " + s.status()) + ")";
    }

    /** The same totals seen from a child model, through a parent link of grade {@code link}. */
    TrainedTokens inherited(Grade link) {
        return tokens == null ? this : new TrainedTokens(tokens, codeTokens, all.weaker(link), code.weaker(link));
    }

    /** The provenance of {@code trainedTokens} or {@code trainedCodeTokens} for proofs: the stages it adds up. */
    FieldOrigin origin(String field, Double value) {
        Sum s = field.equals("trainedCodeTokens") ? code : all;
        Status status = s.grade() == Grade.CONCLUSION ? Status.PUBLISHED : s.grade() == Grade.EDUCATED_GUESS ? Status.DEFAULT : Status.INFERRED;
        String note = s.parts().isEmpty() ? "no stage of the lineage states code"
                : "the sum of " + String.join(" + ", s.parts().stream().map(Part::text).toList());
        Statement<Object> st = new Statement<>(value, s.source() == null ? "USER" : s.source(), null, status, note, null, null);
        return new FieldOrigin(field, value, st, List.of(), null, s.grade());
    }
}
