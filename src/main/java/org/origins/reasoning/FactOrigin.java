package org.origins.reasoning;

import org.origins.kb.Grade;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Provenance of a stated fact (a Model or a Stage put into the session): the file it came from,
 * its own citation and grade, and the origin of each field.
 */
public record FactOrigin(String label, Path file, String citation, Grade grade, Map<String, FieldOrigin> fields) {

    public FactOrigin {
        fields = Map.copyOf(fields);
    }

    /** The grade of the fact as far as the named fields are concerned: the weakest of them. */
    public Grade gradeFor(Set<String> used) {
        Grade g = grade;
        for (String f : used) {
            FieldOrigin o = fields.get(f);
            if (o != null) {
                g = Grade.weakest(g, o.grade());
            }
        }
        return g;
    }
}
