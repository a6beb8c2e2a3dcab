package org.origins.kb;

import java.nio.file.Path;
import java.util.List;

/** A model's file (facts/models/*.json or a hypothetical one): its own training history, sourced. */
public record ModelRecord(String id, String name, String apiName, String series, String organisation,
                          boolean hypothetical, Field<String> parent, String base, Field<Double> parameters,
                          Field<Integer> contextLength, Field<String> positionalEncoding, Field<String> dataCutoff,
                          Field<String> released, List<StageRecord> stages, List<String> notes, Path file) {

    public ModelRecord {
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /** The sourced model-level fields, by name. */
    public List<Field<?>> fields() {
        return List.of(parent, parameters, contextLength, positionalEncoding, dataCutoff, released);
    }

    /** This model under another id (a copy reasoned about beside the original: batch prediction's probes). */
    public ModelRecord withId(String newId) {
        return new ModelRecord(newId, name, apiName, series, organisation, hypothetical, parent, base, parameters, contextLength,
                positionalEncoding, dataCutoff, released, stages, notes, file);
    }

    /** This model with other own stages. */
    public ModelRecord withStages(List<StageRecord> newStages) {
        return new ModelRecord(id, name, apiName, series, organisation, hypothetical, parent, base, parameters, contextLength,
                positionalEncoding, dataCutoff, released, newStages, notes, file);
    }

    /**
     * This model with one sourced model field replaced: {@code parent}, {@code parameters},
     * {@code contextLength}, {@code positionalEncoding} or {@code dataCutoff}.
     */
    @SuppressWarnings("unchecked")
    public ModelRecord withField(Field<?> f) {
        return new ModelRecord(id, name, apiName, series, organisation, hypothetical,
                f.name().equals("parent") ? (Field<String>) f : parent, base,
                f.name().equals("parameters") ? (Field<Double>) f : parameters,
                f.name().equals("contextLength") ? (Field<Integer>) f : contextLength,
                f.name().equals("positionalEncoding") ? (Field<String>) f : positionalEncoding,
                f.name().equals("dataCutoff") ? (Field<String>) f : dataCutoff, released, stages, notes, file);
    }

    /** The sourced model field of this name, or null. */
    public Field<?> field(String fieldName) {
        return fields().stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    public String label() {
        return name == null || name.equals(id) ? id : id + " (" + name + ")";
    }
}
