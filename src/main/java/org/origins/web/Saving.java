package org.origins.web;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.FilePaths;
import org.origins.kb.HypotheticalStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recipe editor's save: the model, already validated as {@code predict}'s flags are, is written to a
 * file of the server's own (in a fresh temporary folder, under a fixed name) and added by
 * {@link HypotheticalStore#add}, exactly as {@code origins add FILE} adds it: validated again against the
 * knowledge base as it is on disk, refused if its id is taken, written all at once. Nothing a request
 * sends names a path; the only name it gives is the model's id, which that validation restricts to
 * {@code [a-z0-9][a-z0-9._-]*}. The folder watch then reloads, and open pages refresh.
 */
final class Saving {
    private final Path facts;

    Saving(Path facts) {
        this.facts = facts;
    }

    /** Saves the model given as a model file's JSON; the files written, as the command line shows them. */
    synchronized List<String> save(ObjectNode model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("origins-recipe-");
            Path file = dir.resolve("recipe.json");
            Files.write(file, JsonMapper.builder().build().writeValueAsBytes(JsonNodeFactory.instance.arrayNode().add(model)));
            return HypotheticalStore.add(facts, List.of(file), false).stream().map(FilePaths::display).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve("recipe.json"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
