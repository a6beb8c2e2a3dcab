package org.origins.reasoning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.origins.facts.Effect;
import org.origins.facts.Stage;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level arithmetic alone, without rules: a history is written as stages separated by
 * {@code |}, each stage's effects separated by {@code +} ({@code gives:present}, {@code strengthens},
 * {@code weakens}, {@code restores}, {@code trades-away:weak}); the rows list the level after it and
 * the level after each stage.
 */
class LevelFoldTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            // gives: at least the level; the highest of several; never lowers
            "gives:present;                                  present; present",
            "gives:weak + gives:strong;                      strong;  strong",
            "gives:strong | gives:weak;                      strong;  strong strong",
            // strengthens and weakens: one step, within none..strong
            "strengthens;                                    weak;    weak",
            "gives:strong | strengthens;                     strong;  strong strong",
            "weakens;                                        none;    none",
            "gives:present | weakens | weakens | weakens;    none;    present weak none none",
            // within one stage gains come before costs, whatever order the rules concluded them in
            "weakens + gives:present;                        weak;    weak",
            "trades-away:weak + gives:strong;                weak;    weak",
            "weakens + strengthens + gives:weak;             weak;    weak",
            // trades away: down to at most the level; the lowest of several; never raises
            "gives:strong | trades-away:weak;                weak;    strong weak",
            "gives:weak | trades-away:present;               weak;    weak weak",
            "gives:strong | trades-away:present + trades-away:weak; weak; strong weak",
            // restores: +1, but never above the highest level reached earlier in the lineage
            "gives:strong | trades-away:weak | restores;     present; strong weak present",
            "gives:strong | trades-away:weak | restores | restores | restores; strong; strong weak present strong strong",
            "gives:present | restores;                       present; present present",
            "restores;                                       none;    none",
            "gives:present | weakens | restores + weakens;   weak;    present weak weak"})
    void theLevelFollowsTheHistory(String history, String level, String afterEachStage) {
        LevelFold fold = new LevelFold(true);
        List<String> after = new ArrayList<>();
        int order = 0;
        for (String stage : history.split("\\|")) {
            Stage s = stage(++order);
            fold.stage(s, effects(s, stage), Grade.CONCLUSION, e -> Grade.CONCLUSION);
            after.add(fold.level().id());
        }

        assertThat(fold.level()).isEqualTo(Level.parse(level).orElseThrow());
        assertThat(after).containsExactly(afterEachStage.trim().split("\\s+"));
        int stages = order;
        assertThat(fold.steps()).allSatisfy(step -> assertThat(step.stage().order()).isBetween(1, stages));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            // the grade is the weakest of the steps that changed the level, each no surer than its link
            "gives:present=conclusion | strengthens=hypothesis;          hypothesis",
            "gives:present=hypothesis | gives:weak=educated-guess;       hypothesis",
            "gives:present=conclusion + gives:weak=educated-guess;       conclusion",
            "gives:present=conclusion@strong-hypothesis;                 strong-hypothesis"})
    void theGradeIsTheWeakestStepThatChangedTheLevel(String history, String grade) {
        LevelFold fold = new LevelFold(false);
        Map<Effect, Grade> grades = new java.util.HashMap<>();
        int order = 0;
        for (String stage : history.split("\\|")) {
            Stage s = stage(++order);
            Grade link = Grade.CONCLUSION;
            List<Effect> effects = new ArrayList<>();
            for (String written : stage.split("\\+")) {
                String[] parts = written.strip().split("[=@]");
                Effect e = effect(s, parts[0]);
                effects.add(e);
                grades.put(e, Grade.parse(parts[1]).orElseThrow());
                if (written.contains("@")) {
                    link = Grade.parse(parts[2]).orElseThrow();
                }
            }
            fold.stage(s, effects, link, grades::get);
        }

        assertThat(fold.grade()).isEqualTo(Grade.parse(grade).orElseThrow());
        assertThat(fold.steps()).as("not recorded").isEmpty();
    }

    private static Stage stage(int order) {
        return new Stage("m", order, "pretraining", Set.of("pretraining"), null, null, null, null, null, List.of(), null, List.of());
    }

    private static List<Effect> effects(Stage s, String stage) {
        List<Effect> out = new ArrayList<>();
        for (String e : stage.split("\\+")) {
            out.add(effect(s, e.strip()));
        }
        return out;
    }

    private static Effect effect(Stage s, String written) {
        String[] parts = written.split(":");
        return switch (parts[0]) {
            case "gives" -> Effect.gives(s, "a", parts[1]);
            case "trades-away" -> Effect.tradesAway(s, "a", parts[1]);
            case "strengthens" -> Effect.strengthens(s, "a");
            case "weakens" -> Effect.weakens(s, "a");
            case "restores" -> Effect.restores(s, "a");
            default -> throw new IllegalArgumentException(written);
        };
    }
}
