package org.origins.io;

import java.nio.file.Path;

/** Shows paths relative to the working directory when they are inside it. */
public final class FilePaths {
    private static final Path CWD = Path.of("").toAbsolutePath().normalize();

    private FilePaths() {
    }

    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = abs.startsWith(CWD) ? CWD.relativize(abs).toString() : abs.toString();
        return shown.isEmpty() ? "." : shown;
    }
}
