package org.origins.io;

import java.nio.file.Path;

/**
 * One thing wrong with an input file, printed the way editors understand:
 * {@code file:line:column: pointer: message}. Line and column are 1-based; 0 when unknown.
 */
public record Problem(Path file, int line, int column, String pointer, String message, Severity severity) {

    /** INFO: worth knowing, never a failure (not even for {@code check --strict}). */
    public enum Severity {
        ERROR, WARNING, INFO;

        /** "error", "warning", "info". */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Problem error(Path file, int line, int column, String pointer, String message) {
        return new Problem(file, line, column, pointer, message, Severity.ERROR);
    }

    /** As origins prints it to the user: with its place, or as {@code origins: MESSAGE} when it has none. */
    public String shown() {
        return file == null && line == 0 ? "origins: " + message : toString();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(file == null ? "<input>" : FilePaths.display(file));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (severity == Severity.WARNING) {
            b.append("warning: ");
        } else if (severity == Severity.INFO) {
            b.append("note: ");
        }
        if (pointer != null && !pointer.isEmpty()) {
            b.append(pointer).append(": ");
        }
        return b.append(message).toString();
    }
}
