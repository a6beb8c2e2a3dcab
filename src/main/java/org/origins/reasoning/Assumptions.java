package org.origins.reasoning;

/** Names shared by the assumption machinery: the pseudo-source an assumed value is cited as. */
public final class Assumptions {
    public static final String SOURCE = "ASSUMED";

    private Assumptions() {
    }
}
