package org.origins.render;

import org.origins.explain.Lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * The evolution tree as indented text ({@code origins lineage}, default format): each model under
 * its parent with the stages it went through after it; disputed parents and hypothetical models
 * marked. Formats only.
 */
public final class LineageText {
    private final Style style;

    public LineageText(Style style) {
        this.style = style;
    }

    public String render(Lineage l) {
        StringBuilder b = new StringBuilder();
        for (Lineage.Node n : l.models()) {
            if (n.external()) {
                continue;
            }
            String indent = "    ".repeat(n.depth());
            List<Lineage.Edge> in = l.edges().stream().filter(e -> e.child().equals(n.id())).toList();
            Lineage.Edge chosen = in.stream().filter(Lineage.Edge::chosen).findFirst().orElse(null);
            b.append(indent).append(n.depth() > 0 ? "└─ " : "").append(style.bold(n.id()));
            if (n.name() != null && !n.name().equals(n.id())) {
                b.append(" — ").append(n.name());
            }
            if (n.hypothetical()) {
                b.append(style.warn("  (hypothetical)"));
            }
            b.append('\n');
            String detail = indent + (n.depth() > 0 ? "   " : "") + "   ";
            List<Lineage.Stage> stages = chosen == null ? n.stages() : chosen.stages();
            b.append(detail).append(chosen == null ? "stages: " : "then: ")
                    .append(stages.isEmpty() ? "none of its own" : String.join(" → ", stages.stream().map(LineageText::stage).toList()));
            if (chosen == null && n.base() != null) {
                b.append(style.dim("  (base outside the knowledge base: " + n.base() + ")"));
            }
            b.append('\n');
            if (chosen != null && chosen.disputed()) {
                List<String> alts = new ArrayList<>();
                for (Lineage.Edge e : in) {
                    if (!e.chosen()) {
                        alts.add(e.parent() + " (" + e.source() + ", " + e.status() + ")");
                    }
                }
                b.append(detail).append(style.warn("parent " + chosen.parent() + " (" + chosen.source() + ", " + chosen.status()
                        + ") DISPUTED; also stated: " + String.join("; ", alts))).append('\n');
            }
        }
        long hyp = l.models().stream().filter(Lineage.Node::hypothetical).count();
        b.append(l.models().stream().filter(n -> !n.external()).count()).append(" models")
                .append(hyp == 0 ? "" : ", " + hyp + " hypothetical").append('\n');
        return b.toString();
    }

    private static String stage(Lineage.Stage s) {
        return s.id() + " " + s.kind() + (s.inferred() ? " (inferred)" : "") + (s.present() ? "" : " (disputed, not assumed)");
    }
}
