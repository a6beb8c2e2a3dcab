package org.origins.kb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TokenStreamFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every JSON pointer in a document, from one streaming pass, so that problems
 * found while walking the tree can say where they are. An object member maps to its key.
 */
final class JsonLocations {
    private final Map<String, int[]> where = new HashMap<>();

    static JsonLocations of(TokenStreamFactory factory, byte[] content) {
        JsonLocations l = new JsonLocations();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || !l.where.containsKey(pointer)) {
                    JsonLocation loc = p.currentTokenLocation();
                    l.where.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
                }
            }
        } catch (IOException e) {
            // The document was parsed successfully before; a failure here only loses positions.
        }
        return l;
    }

    /** Places already known (a YAML document's, from its nodes). */
    static JsonLocations of(Map<String, int[]> places) {
        JsonLocations l = new JsonLocations();
        l.where.putAll(places);
        return l;
    }

    /** {line, column} of the pointer, or of its nearest parent that has one. */
    int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] found = where.get(p);
            if (found != null || p.isEmpty()) {
                return found == null ? new int[] {0, 0} : found;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
