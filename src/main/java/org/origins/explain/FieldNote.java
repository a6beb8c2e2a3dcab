package org.origins.explain;

import org.origins.kb.Status;

import java.util.List;

/**
 * One field of a stated fact as a proof shows it: its value, who says so, and whether it is
 * disputed (with the alternatives), inherited or assumed.
 */
public record FieldNote(String field, String value, String source, Status status, String note, boolean disputed,
                        List<String> alternatives, String inheritedFrom, boolean assumed) {

    public FieldNote {
        alternatives = List.copyOf(alternatives);
    }
}
