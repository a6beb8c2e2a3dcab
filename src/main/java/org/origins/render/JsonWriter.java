package org.origins.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The stable JSON form of any answer: the answer record as it is, fields in declaration order,
 * enums as their lower-case ids, every answer tagged with its {@code schema}.
 */
public final class JsonWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .build();

    private JsonWriter() {
    }

    public static String write(Object answer) {
        try {
            return MAPPER.writeValueAsString(answer) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + answer.getClass().getSimpleName(), e);
        }
    }
}
