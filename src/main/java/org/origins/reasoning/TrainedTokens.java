package org.origins.reasoning;

import org.origins.kb.Grade;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model's weights have been trained on by the end of a stage: the sum of the tokens of
 * every stage of its lineage so far that states them (ancestors' stages first), and the code among
 * them. Compute accumulates along a lineage because continued training trains the same weights
 * further: a model tuned from a parent has received the parent's compute and its own. Stages that
 * do not state their tokens (fine-tuning, usually under 1% of pretraining) add nothing. Unknown
 * when the lineage's first pretraining does not state its tokens and no default fills them.
 */
record TrainedTokens(Double tokens, Double codeTokens, List<String> parts, Grade grade, String source) {
    static final TrainedTokens NOTHING = new TrainedTokens(0.0, 0.0, List.of(), Grade.CONCLUSION, null);
    static final TrainedTokens UNKNOWN = new TrainedTokens(null, null, List.of(), Grade.CONCLUSION, null);

    TrainedTokens {
        parts = List.copyOf(parts);
    }

    /** After a stage of {@code tokens} (code share {@code codeShare}) stated by {@code statement}. */
    TrainedTokens plus(String stage, Double stageTokens, Double codeShare, Statement<?> statement) {
        if (this.tokens == null) {
            return this;
        }
        if (stageTokens == null) {
            // a pretraining stage without tokens makes the total unknown; a tuning stage adds nothing known
            return this.tokens == 0 ? UNKNOWN : this;
        }
        List<String> p = new ArrayList<>(parts);
        p.add(stage + " " + org.origins.facts.Compute.billions(stageTokens) + " tokens"
                + (statement == null ? "" : " (" + statement.citation() + (statement.status() == Status.PUBLISHED ? "" : ", " + statement.status()) + ")"));
        Grade g = statement == null ? grade : Grade.weakest(grade, statement.status().grade());
        double code = codeShare == null ? 0 : stageTokens * codeShare;
        return new TrainedTokens(this.tokens + stageTokens, codeTokens + code, p, g,
                source != null ? source : statement == null ? null : statement.source());
    }

    /** The same totals seen from a child model, through a parent link of grade {@code link}. */
    TrainedTokens inherited(Grade link) {
        return tokens == null ? this : new TrainedTokens(tokens, codeTokens, parts, Grade.weakest(grade, link), source);
    }

    /** The provenance of a total, for proofs: the stages it adds up. */
    FieldOrigin origin(String field, Double value) {
        Statement<Object> st = new Statement<>(value, source == null ? "USER" : source, null,
                grade == Grade.CONCLUSION ? Status.PUBLISHED : grade == Grade.EDUCATED_GUESS ? Status.DEFAULT : Status.INFERRED,
                "the sum of " + String.join(" + ", parts), null, null);
        return new FieldOrigin(field, value, st, List.of(), null, grade);
    }
}
