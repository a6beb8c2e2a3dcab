package org.origins.explain;

import org.origins.io.FilePaths;
import org.origins.kb.Ability;
import org.origins.kb.Field;
import org.origins.kb.Status;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** One model's card: lineage, own fields and stages with their sources, children, abilities. */
public final class ModelQuery {
    private ModelQuery() {
    }

    public static ModelCard of(Reasoning r, String model) {
        ModelRecord m = r.kb().require(model);
        List<String> path = new ArrayList<>(r.kb().chain(model).stream().map(ModelRecord::id).toList());
        java.util.Collections.reverse(path);   // the model first, then its parent, up to its root
        List<FieldNote> fields = new ArrayList<>();
        for (Field<?> f : m.fields()) {
            if (!f.statements().isEmpty()) {
                fields.add(note(f.name(), f));
            }
        }
        List<ModelCard.StageCard> stages = new ArrayList<>();
        for (StageRecord s : m.stages()) {
            stages.add(stage(m, s));
        }
        List<String> children = r.kb().models().stream().filter(c -> model.equals(c.parent().value()) && !c.id().equals(model))
                .map(ModelRecord::id).toList();
        List<AbilityRow> abilities = new ArrayList<>();
        for (Ability a : r.kb().abilities()) {
            abilities.add(AbilitiesQuery.row(r, model, a));
        }
        return new ModelCard(ModelCard.SCHEMA, m.id(), m.name(), m.series(), m.organisation(), m.hypothetical(),
                m.file() == null ? null : FilePaths.display(m.file()), path, WhyQuery.lineage(r, model), fields, stages, children,
                abilities, Notes.doubts(r, model));
    }

    private static ModelCard.StageCard stage(ModelRecord m, StageRecord s) {
        List<FieldNote> fields = new ArrayList<>();
        for (Field<?> f : s.attributes()) {
            if (!f.statements().isEmpty()) {
                fields.add(note(f.name(), f));
            }
        }
        String citation = s.citation();
        if (!s.corpus().isEmpty()) {
            fields.add(stated("corpus", Describe.value("corpus", s.corpus()), citation, s));
        }
        if (s.objective() != null) {
            fields.add(stated("objective", s.objective(), citation, s));
        }
        if (!s.mixture().isEmpty()) {
            fields.add(stated("mixture", Describe.value("mixture", s.mixture()), citation, s));
        }
        boolean disputed = !s.present().statements().isEmpty();
        return new ModelCard.StageCard(m.id() + "#" + s.order(), s.kind(), s.description(), citation, s.status(), s.isPresent(),
                disputed ? m.id() + "." + s.assumeAs() + "=" + !s.isPresent() : null, fields);
    }

    /** A sourced field as the proofs show one: its chosen value and source, the alternatives when disputed. */
    private static <T> FieldNote note(String name, Field<T> f) {
        Statement<T> chosen = f.chosen().orElse(f.statements().get(0));
        return new FieldNote(name, Describe.value(name, chosen.value()), chosen.citation(), chosen.status(), chosen.note(),
                f.isDisputed(), f.alternatives().stream().map(s -> Describe.alternative(name, s)).toList(), null,
                Field.ASSUMED.equals(chosen.source()), chosen.status() == Status.DEFAULT);
    }

    /** A value stated with the stage itself (its corpus, objective, mixture): the stage's source is its source. */
    private static FieldNote stated(String name, String value, String citation, StageRecord s) {
        return new FieldNote(name, value, citation, s.status(), null, false, List.of(), null, false, false);
    }
}
