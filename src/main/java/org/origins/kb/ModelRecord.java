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

    public String label() {
        return name == null || name.equals(id) ? id : id + " (" + name + ")";
    }
}
