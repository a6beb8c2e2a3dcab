package org.origins.recipe;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a rule's condition as the analyst wrote it: {@code codeShare >= 0.05},
 * {@code kinds contains "code-training"}, {@code mixture not contains "exemplars"},
 * {@code objective in ("causal-lm", "prefix-lm")}, {@code earlier.kind == "dialogue-tuning"}, a
 * boolean field ({@code reached}, {@code !reached}). {@code value} is the literal compared with
 * (a {@code Double}, a {@code String}, a list of strings, {@link #NULL}), or null when the other
 * side is not a literal ({@code $t < parameters * 2}); a test this class does not take apart is
 * {@link Op#OPAQUE}, left to the engine.
 */
record Atom(String path, Op op, Object value, String text) {
    /** The literal {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    enum Op { EQ, NE, GE, GT, LE, LT, CONTAINS, NOT_CONTAINS, IN, TRUE, FALSE, OPAQUE }

    private static final Pattern BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*");
    private static final Pattern COMPARE = Pattern.compile("^([A-Za-z_][\\w.]*)\\s*(==|!=|>=|<=|>|<)\\s*(.+)$");
    private static final Pattern CONTAINS = Pattern.compile("^([A-Za-z_][\\w.]*)\\s+(not\\s+)?contains\\s+(.+)$");
    private static final Pattern IN = Pattern.compile("^([A-Za-z_][\\w.]*)\\s+(not\\s+)?in\\s*\\((.*)\\)$");
    private static final Pattern FLAG = Pattern.compile("^(!)?\\s*([A-Za-z_][\\w.]*)$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
    private static final Pattern QUOTED = Pattern.compile("^\"([^\"]*)\"$");

    /**
     * A constraint of a pattern as alternatives (its top-level {@code ||}), each a conjunction of
     * atoms (its {@code &&}); a constraint that only binds a variable ({@code $m : model}) has none.
     */
    static List<List<Atom>> alternatives(String constraint) {
        String body = constraint.strip();
        boolean bound = BINDING.matcher(body).find();
        body = BINDING.matcher(body).replaceFirst("");
        if (bound && body.matches("[\\w.]+")) {
            return List.of(List.of());
        }
        List<List<Atom>> out = new ArrayList<>();
        for (String alternative : split(body, "||")) {
            List<Atom> all = new ArrayList<>();
            for (String part : split(alternative, "&&")) {
                all.add(parse(part));
            }
            out.add(all);
        }
        return out;
    }

    /** One atom; what is not one of the simple forms is {@link Op#OPAQUE}. */
    static Atom parse(String text) {
        String t = strip(text.strip());
        Matcher m = CONTAINS.matcher(t);
        if (m.matches()) {
            return new Atom(m.group(1), m.group(2) == null ? Op.CONTAINS : Op.NOT_CONTAINS, literal(m.group(3)), t);
        }
        m = IN.matcher(t);
        if (m.matches() && m.group(2) == null) {
            List<String> items = new ArrayList<>();
            for (String item : split(m.group(3), ",")) {
                Object v = literal(item);
                if (!(v instanceof String s)) {
                    return new Atom(null, Op.OPAQUE, null, t);
                }
                items.add(s);
            }
            return new Atom(m.group(1), Op.IN, List.copyOf(items), t);
        }
        m = COMPARE.matcher(t);
        if (m.matches()) {
            Op op = switch (m.group(2)) {
                case "==" -> Op.EQ;
                case "!=" -> Op.NE;
                case ">=" -> Op.GE;
                case ">" -> Op.GT;
                case "<=" -> Op.LE;
                default -> Op.LT;
            };
            return new Atom(m.group(1), op, literal(m.group(3)), t);
        }
        m = FLAG.matcher(t);
        if (m.matches() && !t.contains("(")) {
            return new Atom(m.group(2), m.group(1) == null ? Op.TRUE : Op.FALSE, Boolean.TRUE, t);
        }
        return new Atom(null, Op.OPAQUE, null, t);
    }

    /** A literal: a number, a quoted string, null, true or false; else null (a variable or an expression). */
    private static Object literal(String text) {
        String t = text.strip();
        if (NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        Matcher q = QUOTED.matcher(t);
        if (q.matches()) {
            return q.group(1);
        }
        return switch (t) {
            case "null" -> NULL;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Outer parentheses around a whole atom are dropped. */
    private static String strip(String t) {
        while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean balanced(String t) {
        int depth = 0;
        for (char c : t.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Splits at {@code separator} outside parentheses and quotes. */
    static List<String> split(String text, String separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
                out.add(text.substring(start, i).strip());
                start = i + separator.length();
                i = start - 1;
            }
        }
        out.add(text.substring(start).strip());
        return out;
    }

    /** The field tested: the last part of the path ({@code kind} of {@code earlier.kind}). */
    String field() {
        return path == null ? null : path.substring(path.lastIndexOf('.') + 1);
    }

    /** This atom on a part of a fact: {@code earlier.kind} read as {@code kind}; null when the path does not start there. */
    Atom below(String prefix) {
        if (path == null || !path.startsWith(prefix + ".")) {
            return null;
        }
        return new Atom(path.substring(prefix.length() + 1), op, value, text);
    }

    /** Whether the test compares with a literal (and so can be judged and inverted here). */
    boolean literal() {
        return op != Op.OPAQUE && value != null;
    }

    /**
     * The test on a fact (a record, the path read through its components): true, false, or null when
     * it cannot be judged here (not a literal, or no such field).
     */
    Boolean test(Object fact) {
        if (!literal()) {
            return null;
        }
        Object v = fact;
        for (String part : path.split("\\.")) {
            if (v == null) {
                return false;   // a constraint on a null never matches
            }
            Object next = component(v, part);
            if (next == MISSING) {
                return null;
            }
            v = next;
        }
        return test(op, value, v);
    }

    private static final Object MISSING = new Object();

    /** The value of a record's component {@code name}, or null when it has none. */
    static Object read(Object fact, String name) {
        Object v = component(fact, name);
        return v == MISSING ? null : v;
    }

    private static Object component(Object fact, String name) {
        RecordComponent[] cs = fact.getClass().getRecordComponents();
        if (cs == null) {
            return MISSING;
        }
        for (RecordComponent c : cs) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(fact);
                } catch (ReflectiveOperationException e) {
                    return MISSING;
                }
            }
        }
        return MISSING;
    }

    /** The atom's test on a value {@code actual} (null: unknown, which no comparison matches). */
    static Boolean test(Op op, Object value, Object actual) {
        if (value == NULL) {
            return switch (op) {
                case EQ -> actual == null;
                case NE -> actual != null;
                default -> null;
            };
        }
        return switch (op) {
            case TRUE -> Boolean.TRUE.equals(actual);
            case FALSE -> Boolean.FALSE.equals(actual);
            case CONTAINS -> actual instanceof Collection<?> c && c.contains(value);
            case NOT_CONTAINS -> actual instanceof Collection<?> c && !c.contains(value);
            case IN -> actual != null && ((List<?>) value).contains(actual);
            case EQ -> actual != null && same(actual, value);
            case NE -> actual != null && !same(actual, value);
            case GE, GT, LE, LT -> {
                if (!(actual instanceof Number n) || !(value instanceof Double d)) {
                    yield actual == null ? false : null;
                }
                int c = Double.compare(n.doubleValue(), d);
                yield switch (op) {
                    case GE -> c >= 0;
                    case GT -> c > 0;
                    case LE -> c <= 0;
                    default -> c < 0;
                };
            }
            case OPAQUE -> null;
        };
    }

    private static boolean same(Object actual, Object value) {
        if (actual instanceof Number n && value instanceof Double d) {
            return n.doubleValue() == d;
        }
        return Objects.equals(actual, value);
    }
}
