package org.origins.kb;

import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The models the essay discusses ({@code facts/essay-models.json}): the models whose conclusions
 * {@code origins check} compares between the essay view and the default view. Optional: without
 * the file, every model of the knowledge base is compared.
 */
public final class EssayModels {
    public static final String FILE = "essay-models.json";

    private EssayModels() {
    }

    /** The listed models, checked against the knowledge base; every model when the file is absent. */
    public static List<String> read(KnowledgeBase kb) {
        Path file = kb.directory().resolve(FILE);
        List<String> all = kb.models().stream().map(ModelRecord::id).toList();
        if (!Files.exists(file)) {
            return all;
        }
        List<Problem> problems = new java.util.ArrayList<>();
        var doc = JsonDoc.read(file, problems);
        if (doc.isEmpty()) {
            throw new InputException(problems);
        }
        Obj root = Obj.of(doc.get(), doc.get().root(), "", "an object with a \"models\" list");
        if (root == null) {
            throw new InputException(problems);
        }
        root.allowOnly(Set.of("source", "where", "note", "models"));
        List<String> models = root.texts("models");
        for (int i = 0; i < models.size(); i++) {
            if (!all.contains(models.get(i))) {
                doc.get().error(root.at("models") + "/" + i, "unknown model \"" + models.get(i) + "\"" + Suggest.hint(models.get(i), all));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
        return models;
    }
}
