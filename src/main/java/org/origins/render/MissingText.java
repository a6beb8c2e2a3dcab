package org.origins.render;

import org.origins.explain.MissingFacts;
import org.origins.kb.Level;

import java.util.List;

/** The text of a model's missing facts: the defaults assumed, the undisclosed values, and what other values would change. */
final class MissingText {
    private final Style style;

    MissingText(Style style) {
        this.style = style;
    }

    static String levels(List<Level> levels) {
        return String.join(" or ", levels.stream().map(Level::id).toList());
    }

    String missing(String model, List<MissingFacts.Missing> missing) {
        StringBuilder b = new StringBuilder();
        List<MissingFacts.Missing> assumed = missing.stream().filter(m -> m.status().equals("default")).toList();
        List<MissingFacts.Missing> open = missing.stream().filter(m -> !m.status().equals("default")).toList();
        if (!assumed.isEmpty()) {
            b.append(style.bold("assumed")).append(style.dim(" (defaults of facts/defaults.json, educated guesses; "
                    + "--assume MODEL#N.FIELD=VALUE states the value)")).append('\n');
            for (MissingFacts.Missing m : assumed) {
                b.append("  ").append(m.where()).append(' ').append(m.field()).append(" = ").append(m.assumed())
                        .append(style.dim("  " + m.source())).append('\n');
                changes(b, m);
            }
        }
        if (!open.isEmpty()) {
            b.append(style.bold("undisclosed")).append(style.dim(" (no value and no default: the facts that would decide)")).append('\n');
            for (MissingFacts.Missing m : open) {
                b.append("  ").append(m.where()).append(' ').append(m.field()).append(m.source() == null ? "" : style.dim("  " + m.source()))
                        .append('\n');
                changes(b, m);
            }
        }
        return b.toString();
    }

    private void changes(StringBuilder b, MissingFacts.Missing m) {
        if (m.changes().isEmpty()) {
            b.append(style.dim("      no other value probed changes a conclusion")).append('\n');
        }
        java.util.Map<String, List<MissingFacts.Change>> byValue = new java.util.LinkedHashMap<>();
        m.changes().forEach(c -> byValue.computeIfAbsent(c.value(), k -> new java.util.ArrayList<>()).add(c));
        byValue.forEach((value, cs) -> b.append("      with ").append(value).append(": ").append(String.join(", ", cs.stream()
                .map(c -> c.ability() + " " + c.now().id() + " → " + style.level(c.then(), c.then().id())).toList())).append('\n'));
    }
}
