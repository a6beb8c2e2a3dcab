package org.origins.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * hidden temporary file beside the target, are flushed to disk, then renamed over it. A failure
 * at any step leaves the target as it was (and removes the temporary file when it still can).
 * This is the engine; what a user's output may replace is decided by {@link OutputTarget}.
 */
public final class AtomicFiles {
    /** Test hook: called with the name of each step as it is reached (null: none). */
    static Consumer<String> steps = s -> { };

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} (replacing it when {@code overwrite}); an error is an {@link InputException}. */
    public static void write(Path target, byte[] content, boolean overwrite) {
        write(target, content, overwrite, null);
    }

    /** As {@link #write(Path, byte[], boolean)}, the new file with {@code permissions} from the start (null: the default). */
    public static void write(Path target, byte[] content, boolean overwrite, Set<PosixFilePermission> permissions) {
        if (!overwrite && Files.exists(target)) {
            throw new InputException(List.of(Problem.error(target, 0, 0, null, "already exists; use --force to replace it")));
        }
        try (Pending p = begin(target, permissions)) {
            p.stream().write(content);
            p.commit(overwrite);
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    /** The problem of a write that failed: nothing was changed. */
    public static InputException failed(Path target, IOException e) {
        return new InputException(List.of(Problem.error(target, 0, 0, null, "cannot write: " + describe(e, target)
                + "; nothing was changed")));
    }

    /**
     * Starts writing {@code target}: a new hidden temporary file beside it (its folders are created),
     * with {@code permissions} from the start when given (else the process's default).
     */
    public static Pending begin(Path target, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        step("create");
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        FileAttribute<?>[] attrs = permissions == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs);
        return new Pending(tmp, target, ch);
    }

    /** A temporary file being written; {@link #commit} puts it in place, closing without it removes it. */
    public static final class Pending implements AutoCloseable {
        final Path tmp;
        private final Path target;
        private final FileChannel channel;
        private final OutputStream out;

        private Pending(Path tmp, Path target, FileChannel channel) {
            this.tmp = tmp;
            this.target = target;
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        public OutputStream stream() {
            return out;
        }

        /** Flushes to disk, then renames over the target ({@code overwrite}) or links it in place (never replacing). */
        public void commit(boolean overwrite) throws IOException {
            step("written");
            channel.force(true);
            step("flushed");
            channel.close();
            move(tmp, target, overwrite);
            step("renamed");
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the write failed already; that error is the one reported
            }
            try {
                Files.deleteIfExists(tmp);   // not committed; or committed by a link: its other name
            } catch (IOException ignored) {
                // the hidden temporary file is ignored by every reader
            }
        }
    }

    static void step(String name) {
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

    static String describe(IOException e, Path target) {
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
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
