package org.origins.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a user's output goes ({@code --out FILE} of every command), and how it may be written. Every
 * such write comes through here:
 * <ul>
 *   <li>an existing file is replaced only with {@code --force}; a folder never;</li>
 *   <li>never a file the command reads: an input file or a knowledge-base file, found by identity
 *   (the same file through another name, a symbolic or a hard link counts), even with --force;</li>
 *   <li>a regular file is written to a temporary file in its folder, flushed, then renamed over it:
 *   readers see the old content or the new, and a failure (a full disk, a read-only folder) leaves
 *   it as it was; the replaced file's permissions (and owner, where allowed) are kept;</li>
 *   <li>a symbolic link is followed (with --force): its target is written, the link stays; a link
 *   that leads nowhere is refused;</li>
 *   <li>a FIFO, a device or a socket (with --force) is written into, never replaced.</li>
 * </ul>
 */
public final class OutputTarget {
    private final String option;
    private final Path requested;
    private final Path file;
    private final boolean exists;
    private final boolean through;

    private OutputTarget(String option, Path requested, Path file, boolean exists, boolean through) {
        this.option = option;
        this.requested = requested;
        this.file = file;
        this.exists = exists;
        this.through = through;
    }

    /**
     * Checks {@code out} as a target of {@code option} (e.g. "--out"); {@code inputs} are the files
     * and folders the command reads (a folder stands for the JSON, YAML and DRL files in it).
     */
    public static OutputTarget of(String option, Path out, boolean force, Collection<Path> inputs) {
        String name = option + " " + FilePaths.display(out);
        Path file = out;
        if (Files.isSymbolicLink(out)) {
            try {
                file = out.toRealPath();
            } catch (IOException e) {
                throw new InputException(name + " is a symbolic link that leads to no file (broken, or a loop of links); "
                        + "give the path of a file");
            }
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name + " is a folder; give a file name");
        }
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        boolean through = exists && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            notAnInput(name, file, inputs);
            if (!force) {
                throw new InputException(name + " already exists; use --force to "
                        + (through ? "write into it" : "replace it"));
            }
        }
        if (!through) {
            checkFolder(name, file);
        }
        return new OutputTarget(option, out, file, exists, through);
    }

    /** The path as the user gave it. */
    public Path requested() {
        return requested;
    }

    /** Writes the whole content (see the class comment); a failure is an {@link InputException} naming the target. */
    public void write(byte[] content) {
        try (Writing w = open()) {
            w.stream().write(content);
            w.commit();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The problem of a write that failed; nothing was changed (for a regular file). */
    public InputException failed(IOException e) {
        return new InputException(List.of(Problem.error(requested, 0, 0, null, option + ": cannot write: "
                + AtomicFiles.describe(e, file) + (through ? "" : "; nothing was changed"))));
    }

    /** Starts writing; the bytes reach the target only on {@link Writing#commit()}. */
    public Writing open() throws IOException {
        if (through) {
            OutputStream s = Files.newOutputStream(file, StandardOpenOption.WRITE);
            return new Writing() {
                @Override
                public OutputStream stream() {
                    return s;
                }

                @Override
                public void commit() throws IOException {
                    s.flush();
                }

                @Override
                public void close() throws IOException {
                    s.close();
                }
            };
        }
        PosixFileAttributes before = exists ? posix(file) : null;
        AtomicFiles.Pending p = AtomicFiles.begin(file, before == null ? null : Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));
        return new Writing() {
            @Override
            public OutputStream stream() {
                return p.stream();
            }

            @Override
            public void commit() throws IOException {
                if (before != null) {
                    keep(p.tmp, before);
                }
                p.commit(exists);
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }

    /** An output being written: its stream, then {@link #commit()}; closing without committing leaves the target as it was. */
    public interface Writing extends AutoCloseable {
        OutputStream stream();

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    private static PosixFileAttributes posix(Path f) {
        try {
            return Files.readAttributes(f, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The replaced file's permissions, and its owner and group where the user may set them. */
    private static void keep(Path tmp, PosixFileAttributes before) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        UserPrincipal owner = before.owner();
        GroupPrincipal group = before.group();
        try {
            if (!view.getOwner().equals(owner)) {
                view.setOwner(owner);
            }
            if (!view.readAttributes().group().equals(group)) {
                view.setGroup(group);
            }
        } catch (IOException e) {
            // only root may give a file away: the new file is the user's own, with the old permissions
        }
        view.setPermissions(before.permissions());
    }

    /** Refuses a target that is one of the files the command reads. */
    private static void notAnInput(String name, Path file, Collection<Path> inputs) {
        for (Path in : inputs) {
            for (Path f : readFiles(in)) {
                try {
                    if (Files.isSameFile(f, file)) {
                        throw new InputException(name + " is " + (Files.isDirectory(in) ? "a file of " + FilePaths.display(in)
                                + " (" + FilePaths.display(f) + "), which this command reads" : "the input file " + FilePaths.display(f))
                                + ": writing it would destroy what is being read; give another file");
                    }
                } catch (IOException e) {
                    // an input that cannot be compared is not this file
                }
            }
        }
    }

    /** A file, or the JSON, YAML and DRL files of a folder (two levels down: facts/models, rules/tests). */
    private static List<Path> readFiles(Path in) {
        if (!Files.isDirectory(in)) {
            return Files.exists(in) ? List.of(in) : List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(in, 2)) {
            s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".drl");
            }).forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable folder: nothing of it is read either
        }
        return out;
    }

    /** The folder exists (or can be created) and is writable. */
    private static void checkFolder(String name, Path file) {
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new InputException(name + ": cannot write there: " + FilePaths.display(existing) + " is a file, not a folder");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new InputException(name + ": cannot write there: the folder " + FilePaths.display(existing)
                    + " is not writable (permission denied)");
        }
    }
}
