package org.origins.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.origins.io.AtomicFiles;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Validate hypothetical models (YAML or JSON) and save each as facts/hypothetical/ID.json, so that every "
                + "later command sees them. Nothing is written if any model is invalid or (without --force) already saved; "
                + "each file is written atomically (a temporary file, then a rename)."})
class AddCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of hypothetical models.")
    List<Path> files;
    @Option(names = "--force", description = "Replace hypothetical models saved before under the same id.")
    boolean force;

    @Override
    public Integer call() {
        KnowledgeBase kb = KbLoader.load(options.factsDir());
        Map<String, JsonNode> nodes = rawModels();
        List<ModelRecord> models = ModelReader.against(withoutSaved(kb, nodes.keySet())).files(files, true);
        Path dir = options.factsDir().resolve("hypothetical");
        List<Problem> clashes = new ArrayList<>();
        Map<Path, byte[]> writes = new LinkedHashMap<>();
        for (ModelRecord m : models) {
            Path target = dir.resolve(m.id() + ".json");
            if (Files.exists(target) && !force) {
                clashes.add(Problem.error(target, 0, 0, null, "a hypothetical model \"" + m.id()
                        + "\" is already saved here; use --force to replace it"));
            }
            try {
                writes.put(target, (JSON.writeValueAsString(nodes.get(m.id())) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!clashes.isEmpty()) {
            throw new InputException(clashes);
        }
        List<String> saved = new ArrayList<>();
        Map<Path, byte[]> before = new LinkedHashMap<>();   // what each written file held, to undo a partial add
        try {
            for (var w : writes.entrySet()) {
                before.put(w.getKey(), Files.isRegularFile(w.getKey()) ? Files.readAllBytes(w.getKey()) : null);
                AtomicFiles.write(w.getKey(), w.getValue(), force);
                saved.add(FilePaths.display(w.getKey()));
            }
        } catch (InputException | IOException e) {
            undo(before, writes);
            throw e instanceof InputException ie ? ie : new InputException(List.of(Problem.error(dir, 0, 0, null,
                    "cannot read a saved model: " + e.getMessage())));
        }
        var out = spec.commandLine().getOut();
        saved.forEach(p -> out.println("saved " + p));
        out.flush();
        return Main.OK;
    }

    /** Puts back what the files written so far held: an add either saves every model or none. */
    private static void undo(Map<Path, byte[]> before, Map<Path, byte[]> writes) {
        for (var b : before.entrySet()) {
            try {
                byte[] now = Files.isRegularFile(b.getKey()) ? Files.readAllBytes(b.getKey()) : null;
                if (!java.util.Arrays.equals(now, writes.get(b.getKey()))) {
                    continue;   // this one was not written
                }
                if (b.getValue() == null) {
                    Files.deleteIfExists(b.getKey());
                } else {
                    AtomicFiles.write(b.getKey(), b.getValue(), true);
                }
            } catch (IOException | InputException ignored) {
                // best effort: the original error is what the user sees
            }
        }
    }

    /** The knowledge base less the saved hypothetical models these files would replace (with --force). */
    private static KnowledgeBase withoutSaved(KnowledgeBase kb, java.util.Set<String> ids) {
        return kb.restrictedTo(kb.models().stream().filter(m -> !(m.hypothetical() && ids.contains(m.id())))
                .map(ModelRecord::id).toList());
    }

    /** Each model's JSON as the user wrote it (YAML converted), by id. */
    private Map<String, JsonNode> rawModels() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                ObjectMapper reader = f.toString().matches(".*\\.ya?ml$") ? new YAMLMapper() : JSON;
                JsonNode root = reader.readTree(f.toFile());
                if (root == null || !(root.isObject() || root.isArray())) {
                    continue;   // the loader reports what is wrong with this file
                }
                JsonNode list = root.isArray() ? root : root.has("models") && !root.has("id") ? root.get("models") : null;
                if (list == null) {
                    list = JSON.createArrayNode().add(root);
                }
                list.forEach(n -> {
                    if (n.hasNonNull("id")) {
                        out.put(n.get("id").asText(), n);
                    }
                });
            } catch (IOException e) {
                // unreadable or malformed: ModelReader reports it with its place
            }
        }
        return out;
    }
}
