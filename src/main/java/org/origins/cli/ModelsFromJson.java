package org.origins.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.JsonDoc;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a model given by command-line flags through the same strict loader as files. */
final class ModelsFromJson {
    private ModelsFromJson() {
    }

    static List<ModelRecord> read(KnowledgeBase kb, ObjectNode model) {
        List<Problem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = JsonMapper.builder().build().writeValueAsBytes(JsonNodeFactory.instance.arrayNode().add(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JsonDoc doc = JsonDoc.parse(Path.of("<command line>"), bytes, problems).orElseThrow(() -> new InputException(problems));
        return KbLoader.readModels(kb, doc, "");
    }
}
