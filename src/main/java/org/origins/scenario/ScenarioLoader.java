package org.origins.scenario;

import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.JsonDoc;
import org.origins.kb.ModelReader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.Obj;
import org.origins.rules.RuleBase;
import org.origins.rules.View;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads rules/tests/*.yaml (or .json); every bad line is reported with its place. */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null, "scenario folder not found (expected *.yaml files)")));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null, "cannot list: " + e.getMessage())));
        }
    }

    /** The {@code view} of a scenario or a file: essay or default; null when not given. */
    private static View view(Obj o) {
        String v = o.text("view", false);
        if (v == null) {
            return null;
        }
        return View.parse(v).orElseGet(() -> {
            o.invalid("view", "\"view\" must be essay or default, found \"" + v + "\"");
            return null;
        });
    }

    public static List<Scenario> load(List<Path> files, KnowledgeBase kb, RuleBase rules) {
        List<Problem> problems = new ArrayList<>();
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) {
            var doc = JsonDoc.read(f, problems);
            if (doc.isEmpty()) {
                continue;
            }
            Obj root = Obj.of(doc.get(), doc.get().root(), "", "a scenario file with a \"scenarios\" list");
            if (root == null) {
                continue;
            }
            root.allowOnly(Set.of("scenarios", "view"));
            View fileView = view(root);
            for (Obj s : root.objects("scenarios", "scenario", true)) {
                s.allowOnly(Set.of("name", "models", "assume", "expect", "view"));
                View view = s.has("view") ? view(s) : fileView;
                String name = s.text("name", true);
                List<ModelRecord> models = List.of();
                if (s.has("models")) {
                    try {
                        models = ModelReader.against(kb).inline(doc.get(), s.at("models"));
                    } catch (InputException e) {
                        // already recorded in this document's problems
                    }
                }
                List<String> assume = s.texts("assume");
                List<Scenario.ExpectationLine> expectations = new ArrayList<>();
                List<String> lines = s.texts("expect");
                if (lines.isEmpty()) {
                    doc.get().error(s.has("expect") ? s.at("expect") : s.pointer(), "a scenario needs a non-empty \"expect\" list");
                }
                KnowledgeBase withModels = models.isEmpty() ? kb : kb.with(models);
                for (int i = 0; i < lines.size(); i++) {
                    String ptr = s.at("expect") + "/" + i;
                    try {
                        expectations.add(new Scenario.ExpectationLine(ExpectationParser.parse(lines.get(i), withModels, rules),
                                doc.get().lineOf(ptr)));
                    } catch (IllegalArgumentException e) {
                        doc.get().error(ptr, e.getMessage());
                    }
                }
                if (name != null) {
                    out.add(new Scenario(name, f, doc.get().lineOf(s.pointer()), models, assume, expectations, view));
                }
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
        return out;
    }
}
