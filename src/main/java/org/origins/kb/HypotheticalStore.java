package org.origins.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.origins.io.AtomicFiles;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.Problem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code facts/hypothetical/}, where {@code origins add} saves the models users add, one file per
 * model ({@code ID.json}). An add changes the folder all at once or not at all, even when killed:
 * <ol>
 *   <li>the folder's new content is made in a hidden staging folder beside it ({@code .hypothetical.staging-*}):
 *   a copy of the folder, less the files replaced, plus the new files, each flushed to disk;</li>
 *   <li>the folder is renamed away ({@code .hypothetical.old-*}) and the staging folder renamed into
 *   its place: that second rename is the moment the add happens;</li>
 *   <li>the old folder is deleted.</li>
 * </ol>
 * A run killed before step 2's second rename leaves the old folder's content as the truth: the
 * loader reads {@code .hypothetical.old-*} while {@code hypothetical/} is missing, and the next
 * add puts it back and removes what is left of staging folders. Concurrent adds into one folder are
 * not supported (the later one wins).
 */
public final class HypotheticalStore {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String FOLDER = "hypothetical";

    private HypotheticalStore() {
    }

    /** The folder the loader reads: {@code hypothetical/}, or the old content of an add that was killed midway. */
    public static Path folder(Path facts) {
        Path live = facts.resolve(FOLDER);
        if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            return live;
        }
        List<Path> old = leftovers(facts, FOLDER, ".old-");
        return old.size() == 1 ? old.get(0) : live;
    }

    /**
     * Validates the models of {@code files} against the knowledge base of {@code facts} and saves
     * each as {@code hypothetical/ID.json}; the paths saved. Ids must be new among every loaded
     * model (as names are matched: case and '_' for '-' do not matter), unless {@code force} and the
     * model saved under it is a hypothetical one alone in its file, which is then replaced.
     */
    public static List<Path> add(Path facts, List<Path> files, boolean force) {
        KnowledgeBase kb = KbLoader.load(facts);
        Map<String, JsonNode> nodes = rawModels(files);
        Map<String, ModelRecord> taken = new LinkedHashMap<>();
        for (ModelRecord m : kb.models()) {
            taken.putIfAbsent(norm(m.id()), m);
            if (m.apiName() != null) {
                taken.putIfAbsent(norm(m.apiName()), m);
            }
        }
        List<String> replaced = new ArrayList<>();
        for (String id : nodes.keySet()) {
            ModelRecord m = taken.get(norm(id));
            if (m != null && m.hypothetical() && force) {
                replaced.add(m.id());
            }
        }
        KnowledgeBase base = kb.restrictedTo(kb.models().stream().map(ModelRecord::id).filter(id -> !replaced.contains(id)).toList());
        List<ModelRecord> models = ModelReader.against(base).files(files, true);
        Path live = facts.resolve(FOLDER);
        List<Problem> clashes = new ArrayList<>();
        Map<String, byte[]> write = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        for (ModelRecord m : models) {
            ModelRecord saved = taken.get(norm(m.id()));
            if (saved != null && !(force && saved.hypothetical())) {
                clashes.add(clash(m, saved));
                continue;
            }
            if (saved != null && saved.file() != null) {
                long others = kb.models().stream().filter(x -> saved.file().equals(x.file())).count();
                if (others > 1) {
                    clashes.add(Problem.error(saved.file(), 0, 0, null, "holds \"" + saved.id() + "\" together with other models; "
                            + "origins replaces whole files only: take it out of that file first"));
                    continue;
                }
                delete.add(saved.file().getFileName().toString());
            }
            write.put(m.id() + ".json", json(nodes.get(m.id())));
        }
        if (!clashes.isEmpty()) {
            throw new InputException(clashes);
        }
        commit(facts, write, delete);
        return write.keySet().stream().map(live::resolve).toList();
    }

    /** Why {@code m} cannot be saved beside {@code saved}, which the command line cannot tell from it. */
    private static Problem clash(ModelRecord m, ModelRecord saved) {
        String same = saved.id().equals(m.id()) ? "" : " (a name the command line does not tell from \"" + m.id() + "\")";
        if (!saved.hypothetical()) {
            return Problem.error(m.file(), 0, 0, null, "\"" + m.id() + "\" is a real model of the knowledge base" + same
                    + "; give the hypothetical model an id of its own");
        }
        return Problem.error(saved.file(), 0, 0, null, "a hypothetical model \"" + saved.id() + "\" is already saved here" + same
                + "; use --force to replace it" + (same.isEmpty() ? "" : ", or give yours another id"));
    }

    /** Names as the command line matches them: case and '_' for '-' do not matter. */
    private static String norm(String id) {
        return id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static byte[] json(JsonNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each model's tree as read (YAML 1.2 as JSON), by id; unreadable files are reported by the loader. */
    private static Map<String, JsonNode> rawModels(List<Path> files) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Path f : files) {
            var doc = JsonDoc.read(f, new ArrayList<>());
            if (doc.isEmpty()) {
                continue;
            }
            JsonNode root = doc.get().root();
            JsonNode list = root.isArray() ? root : root.isObject() && root.has("models") && !root.has("id") ? root.get("models") : null;
            for (JsonNode n : list == null ? List.of(root) : list) {
                if (n.isObject() && n.hasNonNull("id") && n.get("id").isTextual()) {
                    out.putIfAbsent(n.get("id").asText(), n);
                }
            }
        }
        return out;
    }

    /** The staging folder, renamed in: see the class comment. */
    static void commit(Path facts, Map<String, byte[]> write, List<String> delete) {
        Path live = facts.resolve(FOLDER);
        Path shown = live.resolve(write.isEmpty() ? "" : write.keySet().iterator().next());
        try {
            if (Files.isSymbolicLink(live)) {
                live = live.toRealPath();   // a linked folder: its content is changed where it is
            }
            if (Files.exists(live) && !Files.isDirectory(live)) {
                throw new IOException(FilePaths.display(live) + " is a file, not a folder");
            }
            if (Files.isDirectory(live) && !Files.isWritable(live)) {
                throw new java.nio.file.AccessDeniedException(live.toString());
            }
            recover(live);
        } catch (IOException e) {
            throw AtomicFiles.failed(shown, e);
        }
        Path parent = live.toAbsolutePath().getParent();
        String name = live.getFileName().toString();
        Path staging = parent.resolve("." + name + ".staging-" + UUID.randomUUID());
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            if (Files.isDirectory(live)) {
                copyTree(live, staging);
            } else {
                Files.createDirectory(staging);
            }
            for (String d : delete) {
                Files.deleteIfExists(staging.resolve(d));
            }
            for (var w : write.entrySet()) {
                shown = live.resolve(w.getKey());
                Path target = staging.resolve(w.getKey());
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a folder of that name is in the way");
                }
                Files.deleteIfExists(target);   // --force: the model's earlier file
                try (AtomicFiles.Pending p = AtomicFiles.begin(target, null)) {
                    p.stream().write(w.getValue());
                    p.commit(false);
                }
            }
            sync(staging);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw AtomicFiles.failed(shown, (IOException) e);
        }
        try {
            boolean had = Files.exists(live, LinkOption.NOFOLLOW_LINKS);
            if (had) {
                Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE);   // the add happens here
            } catch (IOException e) {
                if (had) {
                    Files.move(old, live, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            sync(parent);
        } catch (IOException e) {
            deleteTree(staging);
            throw AtomicFiles.failed(shown, e);
        }
        deleteTree(old);
    }

    /** What a killed add left: its staging folders go; a folder renamed away but not replaced comes back. */
    private static void recover(Path live) throws IOException {
        Path parent = live.toAbsolutePath().getParent();
        String name = live.getFileName().toString();
        for (Path s : leftovers(parent, name, ".staging-")) {
            deleteTree(s);
        }
        List<Path> old = leftovers(parent, name, ".old-");
        if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS) && old.size() == 1) {
            Files.move(old.get(0), live, StandardCopyOption.ATOMIC_MOVE);
        } else if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            for (Path o : old) {
                deleteTree(o);
            }
        }
    }

    private static List<Path> leftovers(Path parent, String name, String kind) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + name + kind) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile()) {
                    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Flushes a folder's entries to disk (where the platform allows opening a folder). */
    private static void sync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can: the rename is still atomic, only its durability is the OS's
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a hidden leftover, ignored by the loader and removed by the next add
        }
    }
}
