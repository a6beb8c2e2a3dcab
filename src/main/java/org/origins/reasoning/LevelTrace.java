package org.origins.reasoning;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * How a model came to its level of an ability: every step along its history that touched the
 * ability, in order. {@code grade} is the weakest link among the steps that changed the level
 * (null when nothing ever raised it).
 */
public record LevelTrace(String model, String ability, Level level, Grade grade, List<Step> steps) {

    public LevelTrace {
        steps = List.copyOf(steps);
    }

    public List<Step> decisive() {
        return steps.stream().filter(Step::changed).toList();
    }

    /** The last step that changed the level: the rule that decided it. */
    public Step decidingStep() {
        List<Step> d = decisive();
        return d.isEmpty() ? null : d.get(d.size() - 1);
    }
}
