package org.origins.kb;

/**
 * One source's statement of a value. {@code value == null} means the source says the value is
 * undisclosed.
 */
public record Statement<T>(T value, String source, String where, Status status, String note,
                           Boolean checked, String confidence) {

    public static <T> Statement<T> of(T value, String source, Status status) {
        return new Statement<>(value, source, null, status, null, null, null);
    }

    /** "ESSAY §3.2" or just "PALM". */
    public String citation() {
        return where == null || where.isBlank() ? source : source + " " + where;
    }
}
