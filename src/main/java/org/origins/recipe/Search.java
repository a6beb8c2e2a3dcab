package org.origins.recipe;

import org.origins.kb.Level;
import org.origins.kb.ModelRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The bounded search for recipes: drafts are tried smallest first (fewest changes), each judged by
 * the rules; a draft that reaches the target is a recipe and is not extended (a recipe that holds
 * another is not minimal); one that does not is extended by the {@link Moves} its own conclusions
 * suggest, up to {@code maxChanges} changes and {@code cap} drafts judged. When only the fewest
 * changes count ({@code fewest}), no draft larger than the smallest recipe found is tried.
 */
final class Search {
    /** The recipes found (minimal: none holds another), the nearest miss, and how far the search went. */
    record Result(List<Evaluator.Outcome> found, Evaluator.Outcome nearest, int tried, boolean capped) {
    }

    /** The most changes a draft may have now: {@code maxChanges}, or the smallest recipe's when only the fewest count. */
    private int bound(List<Evaluator.Outcome> found) {
        return fewest ? found.stream().mapToInt(f -> f.plan().size()).reduce(maxChanges, Math::min) : maxChanges;
    }

    /**
     * Whether a change did what it was tried for, and the draft is worth extending: it raised the
     * level, or the rule it was for now concludes its effect at the stage it changed (a later change
     * may still have to lift what lowers it again), or it took away what a lowering rule needed. A
     * change whose rule still does not fire (a condition only the engine judges failed) leads nowhere
     * that the other changes do not.
     */
    private boolean didItsPart(Evaluator.Outcome before, Evaluator.Outcome after, Moves.Move move) {
        if (after.level().compareTo(before.level()) > 0 || !move.because().conclusion().raises()) {
            return true;
        }
        return after.fired(move.because().rule().name(), ability, move.changes().get(move.changes().size() - 1));
    }

    /** A draft waiting to be extended; among drafts of one size, the first judged first. */
    private record Node(Evaluator.Outcome outcome, long seq) {
    }

    /** Values tried for an attribute the engine must size, before halving the gap: billions of tokens. */
    private static final double[] LADDER = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final int HALVINGS = 7;

    private final Evaluator evaluator;
    private final Moves moves;
    private final ModelRecord base;
    private final String id;
    private final String ability;
    private final Level target;
    private final int maxChanges;
    private final int cap;
    private final boolean fewest;

    Search(Evaluator evaluator, Moves moves, ModelRecord base, String id, String ability, Level target, int maxChanges, int cap,
           boolean fewest) {
        this.evaluator = evaluator;
        this.moves = moves;
        this.base = base;
        this.id = id;
        this.ability = ability;
        this.target = target;
        this.maxChanges = maxChanges;
        this.cap = cap;
        this.fewest = fewest;
    }

    Result run() {
        Evaluator.Outcome start = evaluator.judge(new Draft(base, Plan.NONE, id));
        List<Evaluator.Outcome> found = new ArrayList<>();
        Evaluator.Outcome nearest = start;
        boolean capped = false;
        if (start.level().compareTo(target) >= 0) {
            return new Result(found, null, evaluator.count(), false);
        }
        long seq = 0;
        PriorityQueue<Node> queue = new PriorityQueue<>(Comparator.comparingInt((Node n) -> n.outcome().plan().size())
                .thenComparingLong(Node::seq));
        queue.add(new Node(start, seq++));
        Set<String> seen = new HashSet<>();
        seen.add(Plan.NONE.key());
        search:
        while (!queue.isEmpty()) {
            Evaluator.Outcome node = queue.poll().outcome();
            if (node.plan().size() >= bound(found)) {
                continue;   // no change fits any more
            }
            for (Moves.Move move : moves.from(node)) {
                Plan plan = node.plan().plus(move.changes());
                if (plan.size() > bound(found) || !seen.add(plan.key()) || found.stream().anyMatch(f -> plan.includes(f.plan()))) {
                    continue;
                }
                if (evaluator.count() >= cap) {
                    capped = true;
                    break search;
                }
                Evaluator.Outcome o = move.size() == null ? evaluator.judge(new Draft(base, plan, id)) : sized(plan, move);
                if (o == null) {
                    continue;
                }
                if (o.level().compareTo(target) >= 0) {
                    found.add(o);
                    continue;
                }
                if (o.level().compareTo(nearest.level()) > 0) {
                    nearest = o;
                }
                if (move.leads() && didItsPart(node, o, move)) {
                    queue.add(new Node(o, seq++));
                }
            }
        }
        List<Evaluator.Outcome> minimal = found.stream()
                .filter(f -> found.stream().noneMatch(g -> g != f && f.plan().includes(g.plan()))).toList();
        return new Result(minimal, nearest == start ? null : nearest, evaluator.count(), capped);
    }

    /**
     * A plan whose last change needs an attribute sized by the engine (a threshold on a derived fact,
     * such as training compute): the least value, to two significant digits, at which the rule the
     * move is for concludes its effect on that stage. When no value does: an added stage without
     * the attribute; no draft for an own stage's attribute.
     */
    private Evaluator.Outcome sized(Plan plan, Moves.Move move) {
        String rule = move.because().rule().name();
        Change last = plan.changes().get(plan.size() - 1);
        Evaluator.Outcome plain = last instanceof Change.Add ? evaluator.judge(new Draft(base, plan, id)) : null;
        if (plain != null && plain.fired(rule, ability, last)) {
            return plain;
        }
        if (!fires(plan, move.size(), LADDER[LADDER.length - 1], rule, last)) {
            return plain;   // not even at the most: something else stands in the way
        }
        double low = 0;
        Double high = null;
        for (double v : LADDER) {
            if (fires(plan, move.size(), v, rule, last)) {
                high = v;
                break;
            }
            low = v;
        }
        if (high == null) {
            return plain;
        }
        for (int i = 0; i < HALVINGS; i++) {
            double mid = Values.round((low + high) / 2);
            if (mid <= low || mid >= high) {
                break;
            }
            if (fires(plan, move.size(), mid, rule, last)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        double v = new java.math.BigDecimal(high).round(new java.math.MathContext(2, java.math.RoundingMode.UP)).doubleValue();
        return evaluator.judge(new Draft(base, withLast(plan, move.size(), v), id));
    }

    private boolean fires(Plan plan, String field, double value, String rule, Change last) {
        Evaluator.Outcome o = evaluator.judge(new Draft(base, withLast(plan, field, value), id));
        return o != null && o.fired(rule, ability, last);
    }

    /** The plan with {@code field = value} on its last change (a stage added, or an own stage's attribute set). */
    private static Plan withLast(Plan plan, String field, double value) {
        List<Change> changes = new ArrayList<>(plan.changes());
        Change last = changes.get(changes.size() - 1);
        changes.set(changes.size() - 1, last instanceof Change.Add a ? a.with(field, value)
                : new Change.Set(((Change.Set) last).order(), ((Change.Set) last).kind(), field, value, ((Change.Set) last).was(),
                        last.rule()));
        return new Plan(changes);
    }
}
