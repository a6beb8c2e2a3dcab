package org.origins.recipe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.facts.Stage;
import org.origins.kb.Field;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A plan applied to a model, as the hypothetical model file a user would write (the schema of
 * {@code facts/models}, read back by the one model reader). Only stages added: a model trained
 * further from it ({@code parent} is the model). Own stages changed or removed: a model beside it
 * (its parent, its size, its own stages changed as planned, then the added ones).
 */
final class Draft {
    private final ModelRecord base;
    private final Plan plan;
    private final String id;
    /** In a model beside the base, the base's own stage at each position (null: an added stage). */
    private final List<StageRecord> positions = new ArrayList<>();

    Draft(ModelRecord base, Plan plan, String id) {
        this.base = base;
        this.plan = plan;
        this.id = id;
        if (!child()) {
            base.stages().stream().filter(s -> s.isPresent() && !plan.removes(s.order())).forEach(positions::add);
        }
        plan.adds().forEach(a -> positions.add(null));
    }

    String id() {
        return id;
    }

    Plan plan() {
        return plan;
    }

    /** Whether the draft is a model trained further from the base (only stages added). */
    boolean child() {
        return plan.onlyAdds();
    }

    /** The base's own stage that a stage of the draft's history is, or null (a stage added, or an ancestor's). */
    StageRecord ownStage(Stage s) {
        if (s.model().equals(base.id())) {
            return child() ? base.stages().stream().filter(x -> x.order() == s.order()).findFirst().orElse(null) : null;
        }
        return s.model().equals(id) && s.order() <= positions.size() ? positions.get(s.order() - 1) : null;
    }

    /** Whether a stage of the draft's history is one the plan added. */
    boolean added(Stage s) {
        return s.model().equals(id) && s.order() <= positions.size() && positions.get(s.order() - 1) == null;
    }

    /** The model file's content; {@code note} says what the recipe is for. */
    ObjectNode json(String note) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode m = f.objectNode();
        m.put("id", id);
        m.put("hypothetical", true);
        ArrayNode stages = f.arrayNode();
        if (child()) {
            m.put("parent", base.id());
        } else {
            String parent = base.parent().value();
            if (parent == null) {
                m.putNull("parent");
            } else {
                m.put("parent", parent);
            }
            put(m, "parameters", base.parameters().value());
            put(m, "contextLength", base.contextLength().value());
            put(m, "positionalEncoding", base.positionalEncoding().value());
            put(m, "dataCutoff", base.dataCutoff().value());
            for (StageRecord s : positions) {
                if (s != null) {
                    stages.add(copy(s));
                }
            }
        }
        for (Change.Add a : plan.adds()) {
            ObjectNode s = stages.addObject();
            s.put("kind", a.kind());
            s.put("description", "added for rule " + a.rule());
            a.attributes().forEach((k, v) -> put(s, k, v));
        }
        m.set("stages", stages);
        m.putArray("notes").add(note);
        return m;
    }

    /** A copy of an own stage of the base, with the plan's changes to it. */
    private ObjectNode copy(StageRecord s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", s.kind());
        o.put("description", "as " + base.id() + "#" + s.order() + (s.description() == null ? "" : ": " + s.description()));
        for (Field<?> a : s.attributes()) {
            put(o, a.name(), a.value());
        }
        put(o, "corpus", s.corpus());
        put(o, "objective", s.objective());
        put(o, "mixture", s.mixture());
        for (Change c : plan.changes()) {
            if (c instanceof Change.Set set && set.order() == s.order()) {
                o.remove(set.field());
                put(o, set.field(), set.value());
            }
        }
        return o;
    }

    /** {@code node.name = value}: numbers (whole ones as integers), strings, lists of strings; null and empty lists left out. */
    static void put(ObjectNode node, String name, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = node.putArray(name);
            c.forEach(x -> a.add(String.valueOf(x)));
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                node.put(name, (long) d);
            } else {
                node.put(name, d);
            }
        } else {
            node.put(name, String.valueOf(value));
        }
    }
}
