package org.origins.scenario;

import org.origins.kb.Grade;
import org.origins.kb.Level;
import org.origins.kb.Relation;

/**
 * One checkable line of a scenario. The forms (MODEL and ABILITY are ids or names):
 * <pre>
 *   MODEL ABILITY =|>=|<=|>|< LEVEL          a level
 *   MODEL ABILITY =|>=|<=|>|< OTHER-MODEL    an ordering between two models
 *   MODEL ABILITY derived-by RULE-ID         a rule decided a step of the level
 *   MODEL ABILITY not-derived                no rule raised the ability
 *   MODEL ABILITY grade =|>=|<= GRADE        the grade of the level
 *   MODEL ABILITY unlocked|injected          how the gain came about
 *   MODEL base-doubted BASE                  the stated base is doubted
 *   rule RULE-ID grade =|>=|<= GRADE         a rule's own grade
 * </pre>
 */
public sealed interface Expectation {
    String text();

    record LevelIs(String text, String model, String ability, Relation op, Level level) implements Expectation {
    }

    record Ordered(String text, String model, String ability, Relation op, String other) implements Expectation {
    }

    record DerivedBy(String text, String model, String ability, String rule) implements Expectation {
    }

    record NotDerived(String text, String model, String ability) implements Expectation {
    }

    record GradeIs(String text, String model, String ability, Relation op, Grade grade) implements Expectation {
    }

    record MechanismIs(String text, String model, String ability, String how) implements Expectation {
    }

    record BaseDoubted(String text, String model, String base) implements Expectation {
    }

    record RuleGrade(String text, String rule, Relation op, Grade grade) implements Expectation {
    }
}
