package org.origins;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the folder the tests run in (target/test-home, the build runs this before the tests): a
 * copy of the bundled facts/ (without a user's facts/hypothetical/ and what an add leaves, nor the
 * held-out observations, which no test reads) and
 * rules/, and links to everything else of the project (src/, bench/, examples/, README.md, ...), so
 * that tests see the project as a fresh clone does, paths read as in the project ("facts/models/…"),
 * and a user's own models, edits or caches never decide whether the build passes. Removing the
 * previous one never follows a link.
 */
public final class TestHome {
    private static final Set<String> COPIED = Set.of("facts", "rules");
    private static final Set<String> LEFT_OUT = Set.of("target", ".git", ".idea", ".vscode");

    private TestHome() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        Path home = Path.of(args[1]).toAbsolutePath().normalize();
        delete(home);
        Files.createDirectories(home.resolve("target"));
        try (Stream<Path> entries = Files.list(project)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (COPIED.contains(name)) {
                    copy(p, home.resolve(name), name.equals("facts"));
                } else if (!LEFT_OUT.contains(name)) {
                    link(home.resolve(name), p);
                }
            }
        }
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            copy(target, link, false);   // no links here (some Windows setups): a copy reads the same
        }
    }

    /** Copies a folder (or a file); in facts/, hypothetical/ and the hidden leftovers of an add are not copied. */
    private static void copy(Path from, Path to, boolean facts) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = from.relativize(dir).toString();
                if (facts && (rel.equals("hypothetical") || rel.startsWith(".hypothetical"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (facts && file.getFileName().toString().equals(TestKit.HELD_OUT)) {
                    return FileVisitResult.CONTINUE; // no test reads the observations kept aside to judge the rules
                }
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder and what is in it; a link is removed, never followed. */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
