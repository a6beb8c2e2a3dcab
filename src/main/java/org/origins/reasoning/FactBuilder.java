package org.origins.reasoning;

import org.origins.facts.Model;
import org.origins.facts.Stage;
import org.origins.kb.Field;
import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the knowledge base into the facts rules see: the chosen value of every field, sizes
 * inherited from the parent where a model's own is undisclosed, and stages whose existence the
 * knowledge base accepts. Records the provenance of every field.
 */
public final class FactBuilder {
    private final KnowledgeBase kb;
    private final Map<Object, FactOrigin> origins = StatedFacts.newOriginMap();
    private final Map<String, FieldOrigin> parameters = new LinkedHashMap<>();
    private final StageDefaults defaults;
    /** The tokens (and code tokens) each model's weights have been trained on by the end of its history. */
    private final Map<String, TrainedTokens> trainedBy = new java.util.HashMap<>();
    /** What the weights of the model being built have been trained on so far. */
    private TrainedTokens trained;

    private FactBuilder(KnowledgeBase kb) {
        this.kb = kb;
        this.defaults = new StageDefaults(kb);
    }

    public static StatedFacts build(KnowledgeBase kb) {
        return new FactBuilder(kb).run();
    }

    private StatedFacts run() {
        List<Model> models = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (ModelRecord m : kb.models()) {
            trained = trainedBefore(m);
            for (StageRecord s : m.stages()) {
                if (s.isPresent()) {
                    stages.add(stage(m, s));
                }
            }
            trainedBy.put(m.id(), trained);
            models.add(model(m, trained));
        }
        return new StatedFacts(models, stages, origins);
    }

    static Grade grade(Statement<?> s) {
        return s == null ? Grade.CONCLUSION : s.status().grade();
    }

    private static <T> FieldOrigin origin(Field<T> f, String inheritedFrom, Grade extra) {
        Statement<T> chosen = f.chosen().orElse(null);
        Grade g = Grade.weakest(grade(chosen), extra);
        return new FieldOrigin(f.name(), f.value(), chosen, List.copyOf(f.alternatives()), inheritedFrom, g);
    }

    private Model model(ModelRecord m, TrainedTokens trained) {
        Map<String, FieldOrigin> fields = new LinkedHashMap<>();
        FieldOrigin parent = origin(m.parent(), null, Grade.CONCLUSION);
        fields.put("parent", parent);
        fields.put("parameters", parameters(m));
        fields.put("contextLength", origin(m.contextLength(), null, Grade.CONCLUSION));
        fields.put("positionalEncoding", origin(m.positionalEncoding(), null, Grade.CONCLUSION));
        fields.put("dataCutoff", origin(m.dataCutoff(), null, Grade.CONCLUSION));
        Double params = (Double) fields.get("parameters").value();
        if (trained.tokens() != null) {
            fields.put("trainedTokens", trained.origin("trainedTokens", trained.tokens()));
            fields.put("trainedCodeTokens", trained.origin("trainedCodeTokens", trained.codeTokens()));
        }
        Model fact = new Model(m.id(), m.parent().value(), m.hypothetical(), params, m.contextLength().value(),
                m.positionalEncoding().value(), yearMonth(m.dataCutoff().value()), trained.tokens(), trained.codeTokens());
        origins.put(fact, new FactOrigin("model " + m.id(), m.file(), null, Grade.CONCLUSION, fields));
        return fact;
    }

    /** The model's own size, or its parent's when undisclosed: fine-tuning keeps the size. */
    private FieldOrigin parameters(ModelRecord m) {
        FieldOrigin known = parameters.get(m.id());
        if (known != null) {
            return known;
        }
        FieldOrigin result;
        var parent = kb.parentOf(m);
        if (m.parameters().value() == null && parent.isPresent() && parent.get() != m) {
            parameters.put(m.id(), origin(m.parameters(), null, Grade.CONCLUSION)); // guards against cycles
            FieldOrigin p = parameters(parent.get());
            Grade edge = grade(m.parent().chosen().orElse(null));
            String from = p.value() == null ? null : p.inheritedFrom() != null ? p.inheritedFrom() : parent.get().id();
            result = new FieldOrigin("parameters", p.value(), p.chosen(), p.alternatives(), from, Grade.weakest(edge, p.grade()));
        } else {
            result = origin(m.parameters(), null, Grade.CONCLUSION);
        }
        parameters.put(m.id(), result);
        return result;
    }

    /** What the parent's weights had been trained on; the models are built parents first. */
    private TrainedTokens trainedBefore(ModelRecord m) {
        var parent = kb.parentOf(m);
        if (parent.isEmpty()) {
            return TrainedTokens.NOTHING;
        }
        TrainedTokens t = trainedBy.get(parent.get().id());
        return t == null ? TrainedTokens.UNKNOWN : t.inherited(FactBuilder.grade(m.parent().chosen().orElse(null)));
    }

    private Stage stage(ModelRecord m, StageRecord s) {
        Set<String> kinds = Set.copyOf(kb.kindClosure(s.kind()));
        StageDefaults.Filled filled = defaults.fill(m, s, (Double) parameters(m).value());
        TrainedTokens after = trained.plus(m.id() + "#" + s.order(), filled.tokens(), said(filled, "tokens", s.tokens()),
                filled.codeShare(), said(filled, "codeShare", s.codeShare()));
        trained = after;
        Stage fact = new Stage(m.id(), s.order(), s.kind(), kinds, filled.tokens(), filled.codeShare(),
                s.tasks().value(), s.examples().value(), s.computeShare().value(), s.corpus(), filled.objective(), s.mixture());
        Grade own = s.status().grade();
        if (!s.present().statements().isEmpty()) {
            own = Grade.weakest(own, grade(s.present().chosen().orElse(null)));
        }
        Map<String, FieldOrigin> fields = new LinkedHashMap<>();
        for (Field<?> f : s.attributes()) {
            if (!f.statements().isEmpty()) {
                fields.put(f.name(), origin(f, null, Grade.CONCLUSION));
            }
        }
        fields.putAll(filled.filled()); // a default replaces an "undisclosed" statement
        if (!s.present().statements().isEmpty()) {
            FieldOrigin present = origin(s.present(), null, Grade.CONCLUSION);
            fields.put("present", present);
            for (String f : List.of("kind", "kinds", "model", "order")) {
                fields.put(f, present);
            }
        }
        String label = "stage " + m.id() + "#" + s.order() + " " + s.kind()
                + (s.description() == null ? "" : ": " + s.description());
        origins.put(fact, new FactOrigin(label, m.file(), s.citation() + (s.status() == Status.INFERRED ? " (inferred)" : ""),
                own, fields));
        return fact;
    }

    /** Who says a stage attribute's value: the default that filled it, or the stage's own statement. */
    private static Statement<?> said(StageDefaults.Filled filled, String field, Field<?> stated) {
        FieldOrigin d = filled.filled().get(field);
        return d != null ? d.chosen() : stated.chosen().orElse(null);
    }

    /** "2021-06" → 202106; "2019" → 201912 (the end of that year). */
    static Integer yearMonth(String date) {
        if (date == null) {
            return null;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 12;
        return year * 100 + month;
    }
}
