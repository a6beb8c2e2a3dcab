package org.origins.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * hidden temporary file beside the target, are flushed to disk, then renamed over it. A failure
 * at any step leaves the target as it was (and removes the temporary file when it still can).
 */
public final class AtomicFiles {
    /** Test hook: called with the name of each step as it is reached (null: none). */
    static Consumer<String> steps = s -> { };

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content, boolean overwrite) {
        Path dir = target.toAbsolutePath().getParent();
        if (!overwrite && Files.exists(target)) {
            throw new InputException(List.of(Problem.error(target, 0, 0, null, "already exists; use --force to replace it")));
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            step("create");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                step("written");
                ch.force(true);
            }
            step("flushed");
            move(tmp, target, overwrite);
            step("renamed");
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(target, 0, 0, null, "cannot write: " + describe(e, target)
                    + "; nothing was changed")));
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the hidden temporary file is ignored by every reader
            }
        }
    }

    private static void step(String name) {
        Consumer<String> hook = steps;
        if (hook != null) {
            hook.accept(name);
        }
    }

    private static void move(Path tmp, Path target, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link is created atomically and never replaces an existing file.
                Files.createLink(target, tmp);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically in " + target.getParent());
        } catch (UnsupportedOperationException e) {
            throw new IOException("the file system cannot create a file without replacing one in " + target.getParent());
        }
    }

    private static String describe(IOException e, Path target) {
        if (e instanceof FileAlreadyExistsException f && f.getFile() != null
                && !Path.of(f.getFile()).toAbsolutePath().equals(target.toAbsolutePath())) {
            // createDirectories on a folder path one of whose parts is a file
            return FilePaths.display(Path.of(f.getFile())) + " is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists (created meanwhile by someone else); use --force to replace it";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
