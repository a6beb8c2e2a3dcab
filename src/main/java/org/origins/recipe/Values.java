package org.origins.recipe;

import org.origins.kb.Units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * Values of stage attributes as recipes use them: written the way {@code --stage} takes them
 * ({@code 100B}, {@code 5%}, {@code 30}, {@code web-text+code}), and the value just past a limit a
 * rule sets ({@code tasks > 30} needs 31).
 */
public final class Values {
    private Values() {
    }

    /** The attributes that hold a share from 0 to 1. */
    static boolean isShare(String field) {
        return field.endsWith("Share");
    }

    /** The attributes in billions. */
    static boolean isBillions(String field) {
        return field.equals("tokens") || field.equals("parameters");
    }

    /** A value as {@code --stage KIND:NAME=VALUE} takes it. */
    public static String spec(String field, Object v) {
        if (v instanceof Collection<?> c) {
            return String.join("+", c.stream().map(String::valueOf).toList());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (isShare(field)) {
                return number(d * 100) + "%";
            }
            if (isBillions(field)) {
                return d >= 1000 ? number(d / 1000) + "T" : d < 1 ? number(d * 1000) + "M" : number(d) + "B";
            }
            return number(d);
        }
        return String.valueOf(v);
    }

    /** A number as people read it: 100, 0.05, 1e23 (three significant digits at most). */
    public static String number(double d) {
        if (d != 0 && (Math.abs(d) >= 1e7 || Math.abs(d) < 1e-4)) {
            BigDecimal b = new BigDecimal(d).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
            int exp = b.precision() - b.scale() - 1;
            String mantissa = b.movePointLeft(exp).stripTrailingZeros().toPlainString();
            return mantissa + "e" + exp;
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Units.format(d) : b.toPlainString();
    }

    /** The value a field must take to pass {@code op literal}, or null when that cannot be said. */
    static Object meeting(Atom.Op op, Object literal, String field, Object current) {
        return switch (op) {
            case GE, EQ, LE -> literal == Atom.NULL ? null : literal;
            case GT -> literal instanceof Double d ? above(d, field) : null;
            case LT -> literal instanceof Double d ? below(d, field) : null;
            case IN -> ((List<?>) literal).get(0);
            case CONTAINS -> with(current, literal);
            case TRUE, FALSE, NE, NOT_CONTAINS, OPAQUE -> null;
        };
    }

    /** The value a field must take to fail {@code op literal} (a change that stops a rule), or null. */
    static Object failing(Atom.Op op, Object literal, String field, Object current) {
        return switch (op) {
            case NOT_CONTAINS -> with(current, literal);
            case CONTAINS -> current instanceof Collection<?> c ? c.stream().filter(x -> !x.equals(literal)).toList() : null;
            case GE -> literal instanceof Double d ? below(d, field) : null;
            case GT -> literal;
            case LE -> literal instanceof Double d ? above(d, field) : null;
            case LT -> literal;
            default -> null;
        };
    }

    /** The list {@code current} (or none) with {@code item} added. */
    private static List<Object> with(Object current, Object item) {
        List<Object> out = new java.util.ArrayList<>();
        if (current instanceof Collection<?> c) {
            out.addAll(c);
        }
        if (!out.contains(item)) {
            out.add(item);
        }
        return List.copyOf(out);
    }

    /** The least value past {@code d}: the next whole number for counts, a hundredth more for the rest. */
    static Object above(double d, String field) {
        if (isCount(field)) {
            return Math.floor(d) + 1;
        }
        return d == 0 ? 0.01 : round(d * 1.01);
    }

    /** The greatest value under {@code d}, or null when there is none (a limit of 0). */
    static Object below(double d, String field) {
        if (d <= 0) {
            return null;
        }
        if (isCount(field)) {
            return Math.ceil(d) - 1 < 0 ? null : Math.ceil(d) - 1;
        }
        return round(d * 0.99);
    }

    private static boolean isCount(String field) {
        return !isShare(field) && !isBillions(field);
    }

    /** Three significant digits. */
    static double round(double d) {
        return new BigDecimal(d).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }
}
