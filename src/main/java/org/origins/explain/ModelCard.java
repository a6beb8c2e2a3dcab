package org.origins.explain;

import org.origins.kb.Status;

import java.util.List;

/**
 * The answer to {@code origins model MODEL}: the model's lineage up to its root ({@code path}: the model
 * first; {@code lineage}: each parent link with its
 * source), its own stated fields and training stages with every value's source (and the alternatives
 * where sources disagree), the models trained from it, and each ability with the stage and rule that
 * decided it.
 */
public record ModelCard(String schema, String model, String name, String series, String organisation, boolean hypothetical,
                        String file, List<String> path, List<AbilityProof.ParentLink> lineage, List<FieldNote> fields,
                        List<StageCard> stages, List<String> children, List<AbilityRow> abilities, List<Note> doubts)
        implements Answer {
    public static final String SCHEMA = "origins.model/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.model(this);
    }

    public ModelCard {
        path = List.copyOf(path);
        lineage = List.copyOf(lineage);
        fields = List.copyOf(fields);
        stages = List.copyOf(stages);
        children = List.copyOf(children);
        abilities = List.copyOf(abilities);
        doubts = List.copyOf(doubts);
    }

    /**
     * One of the model's own stages ({@code MODEL#N}): who states it, whether it is assumed to have taken
     * place ({@code present} false: disputed and not assumed, {@code assume} says how to assume it), and
     * each of its values with its source.
     */
    public record StageCard(String id, String kind, String description, String source, Status status, boolean present,
                            String assume, List<FieldNote> fields) {
        public StageCard {
            fields = List.copyOf(fields);
        }
    }
}
