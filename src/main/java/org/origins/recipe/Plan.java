package org.origins.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A set of changes to a model's training, in the order they were made: added stages keep their
 * order (a stage may need another before it); sets and removals commute.
 */
record Plan(List<Change> changes) {
    static final Plan NONE = new Plan(List.of());

    Plan {
        changes = List.copyOf(changes);
    }

    int size() {
        return changes.size();
    }

    Plan plus(List<Change> more) {
        List<Change> all = new ArrayList<>(changes);
        all.addAll(more);
        return new Plan(all);
    }

    boolean onlyAdds() {
        return changes.stream().allMatch(c -> c instanceof Change.Add);
    }

    List<Change.Add> adds() {
        return changes.stream().filter(c -> c instanceof Change.Add).map(c -> (Change.Add) c).toList();
    }

    /** Whether own stage {@code order} is removed. */
    boolean removes(int order) {
        return changes.stream().anyMatch(c -> c instanceof Change.Remove r && r.order() == order);
    }

    /** Whether own stage {@code order} is removed or has {@code field} set already. */
    boolean touches(int order, String field) {
        return removes(order) || changes.stream().anyMatch(c -> c instanceof Change.Set s && s.order() == order
                && (field == null || s.field().equals(field)));
    }

    /** What the plan does, whatever the rules that suggested it: added stages in order, then the rest sorted. */
    String key() {
        Stream<String> adds = adds().stream().map(a -> "add " + a.spec());
        Stream<String> rest = changes.stream().filter(c -> !(c instanceof Change.Add)).map(Plan::word).sorted();
        return String.join("; ", Stream.concat(adds, rest).toList());
    }

    private static String word(Change c) {
        if (c instanceof Change.Set s) {
            return "set " + s.order() + " " + s.field() + "=" + s.value();
        }
        return "remove " + ((Change.Remove) c).order();
    }

    /** Whether every change of {@code smaller} is one of this plan's (a recipe that contains another is not minimal). */
    boolean includes(Plan smaller) {
        List<String> mine = new ArrayList<>(List.of(key().split("; ")));
        for (String w : smaller.key().split("; ")) {
            if (!mine.remove(w)) {
                return false;
            }
        }
        return true;
    }
}
