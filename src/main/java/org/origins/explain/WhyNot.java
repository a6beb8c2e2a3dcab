package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * The answer to "why does MODEL not have ABILITY (at least at TARGET)?": every rule that could
 * conclude or raise the ability, and for each either the first condition no fact satisfies (with
 * what a fact would need to look like) or, when it did fire, what overrode it.
 */
public record WhyNot(String schema, String model, boolean hypothetical, String ability, Level level, Level target,
                     Verdict verdict, List<String> currentLevelFrom, List<Candidate> candidates) implements Answer {
    public static final String SCHEMA = "origins.why-not/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.whyNot(this);
    }

    /**
     * What the answer is about: the model lacks the ability, has it below the level asked about, or
     * already has it at that level or above (then there are no candidates, and {@code why} gives the proof).
     */
    public enum Verdict {
        LACKS_IT, BELOW, HAS_IT;

        public static Verdict of(Level level, Level target) {
            return level.compareTo(target) >= 0 ? HAS_IT : level == Level.NONE ? LACKS_IT : BELOW;
        }

        /** The id in JSON and text: the name in lower case, words joined by '-'. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public WhyNot {
        currentLevelFrom = List.copyOf(currentLevelFrom);
        candidates = List.copyOf(candidates);
    }

    /**
     * What became of a candidate rule: {@code blocked} (a condition has no match), {@code overridden}
     * (it fired, a later stage lowered the level), {@code fired} (it fired and holds, but gives less
     * than the target), {@code no-change} (it fired where the level was already as high), or
     * {@code not-analysed} (its conditions use forms why-not does not take apart).
     */
    public enum CandidateState {
        BLOCKED, OVERRIDDEN, FIRED, NO_CHANGE, NOT_ANALYSED;

        /** The id in JSON and text: the name in lower case, words joined by '-'. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A condition of a candidate: {@code matched}, {@code fails} (the first with no match) or {@code not-reached}. */
    public enum ConditionState {
        MATCHED, FAILS, NOT_REACHED;

        /** The id in JSON and text: the name in lower case, words joined by '-'. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One candidate rule and what became of it ({@code status}). */
    public record Candidate(String rule, String claim, Grade grade, String location, String concludes, CandidateState status,
                            List<ConditionCheck> conditions, String needs, String firedAt, List<String> overriddenBy) {
        public Candidate {
            conditions = List.copyOf(conditions);
            overriddenBy = List.copyOf(overriddenBy);
        }
    }

    /**
     * One condition of a candidate: matched (with the fact that matched), fails (the first with no
     * match; {@code failingConstraint} is the constraint that removed the last near-miss and
     * {@code nearMiss} that fact), or not reached.
     */
    public record ConditionCheck(String condition, String location, ConditionState state, String matched,
                                 String failingConstraint, String nearMiss) {
    }
}
