package org.origins.explain;

import org.origins.io.FilePaths;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.reasoning.FactOrigin;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** Every model: parent (with its source, and the alternatives when disputed), size, own stages. */
public final class ModelsQuery {
    private ModelsQuery() {
    }

    public static ModelSummary.Listing all(Reasoning r) {
        List<ModelSummary> out = new ArrayList<>();
        for (ModelRecord m : r.kb().models()) {
            out.add(summary(r, m));
        }
        return new ModelSummary.Listing(ModelSummary.Listing.SCHEMA, out);
    }

    static ModelSummary summary(Reasoning r, ModelRecord m) {
        Statement<String> parent = m.parent().chosen().orElse(null);
        List<String> stages = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (StageRecord s : m.stages()) {
            String text = m.id() + "#" + s.order() + " " + s.kind() + (s.status() == org.origins.kb.Status.INFERRED ? " (inferred)" : "");
            (s.isPresent() ? stages : absent).add(text + (s.isPresent() ? "" : " — disputed, not assumed (--assume "
                    + m.id() + "." + s.assumeAs() + "=true)"));
        }
        var modelFact = r.stated().models().stream().filter(f -> f.id().equals(m.id())).findFirst().orElseThrow();
        FactOrigin origin = r.origin(modelFact);
        var params = origin.fields().get("parameters");
        String size = params.value() == null ? "undisclosed"
                : Describe.value("parameters", params.value()) + (params.inheritedFrom() == null ? "" : " (from " + params.inheritedFrom() + ")");
        return new ModelSummary(m.id(), m.name(), m.series(), m.parent().value(), parent == null ? null : parent.citation()
                + (parent.status() == org.origins.kb.Status.INFERRED ? " (inferred)" : ""), m.parent().isDisputed(),
                m.parent().alternatives().stream().map(s -> Describe.alternative("parent", s)).toList(), m.base(), size,
                m.hypothetical(), stages, absent, Notes.doubts(r, m.id()), m.file() == null ? null : FilePaths.display(m.file()));
    }
}
