package org.origins.reasoning;

import org.origins.kb.Grade;
import org.origins.kb.Statement;

import java.util.List;

/**
 * Where the value of one field of a stated fact comes from: the chosen statement, the
 * alternatives when the field is disputed, and the model it was inherited from, if any.
 */
public record FieldOrigin(String field, Object value, Statement<?> chosen, List<Statement<?>> alternatives,
                          String inheritedFrom, Grade grade) {

    public FieldOrigin {
        alternatives = List.copyOf(alternatives);
    }

    public boolean disputed() {
        return !alternatives.isEmpty();
    }

    public boolean assumed() {
        return chosen != null && Assumptions.SOURCE.equals(chosen.source());
    }
}
