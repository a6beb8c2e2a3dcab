package org.origins.reasoning;

import org.origins.facts.Change;
import org.origins.facts.Effect;
import org.origins.facts.Stage;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's arithmetic of one ability along a model's history (as MYCIN's certainty factors are
 * the engine's, not the rules'): stage by stage, ancestors first, the stage's effects change the
 * level. Within a stage, gains apply before costs, in the order of {@link Change}: gives (to at least
 * a level; several: the highest), strengthens (+1), restores (+1, but not above the highest level
 * reached so far), weakens (−1), trades away (down to at most a level; several: the lowest). The
 * grade is the weakest of the steps that changed the level, each step as sure as its best effect and
 * the parent links it passes through.
 */
public final class LevelFold {
    private Level level = Level.NONE;
    private Level peak = Level.NONE;
    private Grade grade;
    private final List<Step> steps;

    /** @param record whether every step is kept (for proofs) or only the outcome (for batch prediction) */
    public LevelFold(boolean record) {
        this.steps = record ? new ArrayList<>() : null;
    }

    public Level level() {
        return level;
    }

    /** The weakest grade of the steps that changed the level; null when none did. */
    public Grade grade() {
        return grade;
    }

    /** Every step applied, when recorded. */
    public List<Step> steps() {
        return steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * This state as a child model sees it, through a parent link of grade {@code link}: the same level
     * and peak, the grade no stronger than the link (not recording steps).
     */
    public LevelFold inherited(Grade link) {
        LevelFold f = new LevelFold(false);
        f.level = level;
        f.peak = peak;
        f.grade = grade == null ? null : Grade.weakest(grade, link);
        return f;
    }

    public Standing standing() {
        return new Standing(level, grade);
    }

    /**
     * Applies a stage's effects on the ability. {@code link} is the grade of the parent links up to
     * the stage's model; {@code gradeOf} grades an effect.
     */
    public void stage(Stage stage, List<Effect> effects, Grade link, Function<Effect, Grade> gradeOf) {
        Map<Change, List<Effect>> byChange = new EnumMap<>(Change.class);
        for (Effect e : effects) {
            byChange.computeIfAbsent(e.change(), c -> new ArrayList<>()).add(e);
        }
        for (var entry : byChange.entrySet()) {
            List<Effect> group = entry.getValue();
            Level before = level;
            List<Effect> deciding = group;
            switch (entry.getKey()) {
                case WEAKENS -> level = level.down();
                case TRADES_AWAY -> {
                    Level target = group.get(0).level();
                    for (Effect e : group) {
                        target = Level.min(target, e.level());
                    }
                    deciding = withLevel(group, target);
                    level = Level.min(level, target);
                }
                case GIVES -> {
                    Level target = group.get(0).level();
                    for (Effect e : group) {
                        target = Level.max(target, e.level());
                    }
                    deciding = withLevel(group, target);
                    level = Level.max(level, target);
                }
                case STRENGTHENS -> level = level.up();
                case RESTORES -> level = level.compareTo(peak) < 0 ? Level.min(peak, level.up()) : level;
            }
            peak = Level.max(peak, level);
            boolean changed = before != level;
            if (steps == null && !changed) {
                continue; // only the steps that changed the level count for the grade
            }
            Grade best = null;
            for (Effect e : deciding) {
                Grade eg = gradeOf.apply(e);
                best = best == null ? eg : Grade.strongest(best, eg);
            }
            Grade g = Grade.weakest(best == null ? Grade.CONCLUSION : best, link);
            if (changed) {
                grade = grade == null ? g : Grade.weakest(grade, g);
            }
            if (steps != null) {
                steps.add(new Step(stage, entry.getKey(), deciding, before, level, g));
            }
        }
    }

    private static List<Effect> withLevel(List<Effect> group, Level level) {
        if (group.size() == 1) {
            return group;
        }
        List<Effect> out = new ArrayList<>(group.size());
        for (Effect e : group) {
            if (e.level() == level) {
                out.add(e);
            }
        }
        return out;
    }
}
