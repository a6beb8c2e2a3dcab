package org.origins.kb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@link AtomicFiles#write}: readers see the old content or the new, never a part. The test hook
 * {@code steps} stands in for the writer being killed at each step.
 */
class AtomicFilesTest {
    private static final byte[] OLD = "{ \"old\": true }\n".getBytes(StandardCharsets.UTF_8);
    /** Large enough that a partial write would show. */
    private static final byte[] NEW = ("{ \"new\": \"" + "x".repeat(200_000) + "\" }\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final Consumer<String> original = AtomicFiles.steps;

    @AfterEach
    void restoreHook() {
        AtomicFiles.steps = original;
    }

    /** A simulated kill at {@code step}. */
    static final class Killed extends RuntimeException {
        Killed(String step) {
            super("killed at " + step);
        }
    }

    private static List<String> visible(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> all(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(new TreeSet<>(s.map(p -> p.getFileName().toString()).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a reader would see at the moment of the kill: the visible files and the target's bytes (null if absent). */
    record Seen(List<String> visible, byte[] target) {
    }

    /** Makes the writer die at {@code step}, recording what a reader would see at that moment. */
    private List<Seen> killAt(String step, Path target) {
        List<Seen> seen = new ArrayList<>();
        AtomicFiles.steps = s -> {
            if (s.equals(step)) {
                seen.add(new Seen(visible(target.getParent()), Files.exists(target) ? read(target) : null));
                throw new Killed(s);
            }
        };
        return seen;
    }

    @Test
    void writesANewFile() {
        Path target = dir.resolve("m.json");
        List<String> steps = new ArrayList<>();
        AtomicFiles.steps = steps::add;

        AtomicFiles.write(target, NEW, false);

        assertThat(read(target)).isEqualTo(NEW);
        assertThat(steps).containsExactly("create", "written", "flushed", "renamed");
        assertThat(all(dir)).containsExactly("m.json");
    }

    @Test
    void createsTheFolderWhenMissing() {
        Path target = dir.resolve("hypothetical").resolve("m.json");

        AtomicFiles.write(target, NEW, false);

        assertThat(read(target)).isEqualTo(NEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "written", "flushed"})
    void aNewFileKilledBeforeTheRenameIsAbsent(String step) throws IOException {
        Files.writeString(dir.resolve("other.json"), "{}");
        Path target = dir.resolve("m.json");
        List<Seen> seen = killAt(step, target);

        Throwable t = catchThrowable(() -> AtomicFiles.write(target, NEW, false));

        assertThat(t).isInstanceOf(Killed.class);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.target()).as("the target at the kill").isNull();
            assertThat(s.visible()).as("visible files at the kill").containsExactly("other.json");
        });
        assertThat(Files.exists(target)).isFalse();
        assertThat(visible(dir)).containsExactly("other.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "written", "flushed"})
    void anExistingFileKilledBeforeTheRenameKeepsItsOldBytes(String step) throws IOException {
        Path target = dir.resolve("m.json");
        Files.write(target, OLD);
        List<Seen> seen = killAt(step, target);

        Throwable t = catchThrowable(() -> AtomicFiles.write(target, NEW, true));

        assertThat(t).isInstanceOf(Killed.class);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.target()).as("the target at the kill").isEqualTo(OLD);
            assertThat(s.visible()).containsExactly("m.json");
        });
        assertThat(read(target)).isEqualTo(OLD);
        assertThat(visible(dir)).containsExactly("m.json");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void killedAfterTheRenameTheNewContentIsComplete(boolean existed) throws IOException {
        Path target = dir.resolve("m.json");
        if (existed) {
            Files.write(target, OLD);
        }
        List<Seen> seen = killAt("renamed", target);

        Throwable t = catchThrowable(() -> AtomicFiles.write(target, NEW, true));

        assertThat(t).isInstanceOf(Killed.class);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.target()).as("the target right after the rename").isEqualTo(NEW);
            assertThat(s.visible()).containsExactly("m.json");
        });
        assertThat(read(target)).isEqualTo(NEW);
        assertThat(all(dir)).as("no temporary file left").containsExactly("m.json");
    }

    @Test
    void whileWritingTheOnlyNewEntryIsHidden() {
        Path target = dir.resolve("m.json");
        List<List<String>> during = new ArrayList<>();
        AtomicFiles.steps = s -> {
            if (s.equals("written") || s.equals("flushed")) {
                during.add(all(dir));
            }
        };

        AtomicFiles.write(target, NEW, false);

        assertThat(during).hasSize(2).allSatisfy(names -> assertThat(names).singleElement().asString()
                .startsWith(".m.json.tmp-"));
        assertThat(all(dir)).containsExactly("m.json");
    }

    @Test
    void aHiddenLeftoverOfAKilledWriterIsIgnoredByTheLoader(@TempDir Path tmp) {
        FactsCopy facts = FactsCopy.of(tmp);
        // what a writer killed before its rename (with no chance to clean up) leaves behind
        facts.write("hypothetical/.opt-code.json.tmp-0b4c", "{ \"id\": \"opt-code\", \"hypoth");

        KnowledgeBase kb = facts.load();

        assertThat(kb.model("opt-code")).isEmpty();
        assertThat(kb.models()).hasSize(org.origins.TestKit.realModelCount());
    }

    @Test
    void withoutOverwriteAnExistingFileIsKept() throws IOException {
        Path target = dir.resolve("m.json");
        Files.write(target, OLD);

        InputException e = catchThrowableOfType(InputException.class, () -> AtomicFiles.write(target, NEW, false));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("already exists; use --force to replace it");
        assertThat(read(target)).isEqualTo(OLD);
        assertThat(all(dir)).containsExactly("m.json");
    }

    @Test
    void withoutOverwriteAFileThatAppearsMeanwhileIsNotReplaced() throws IOException {
        Path target = dir.resolve("m.json");
        AtomicFiles.steps = s -> {
            if (s.equals("flushed")) {
                try {
                    Files.write(target, OLD); // another writer wins the race
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        Throwable t = catchThrowable(() -> AtomicFiles.write(target, NEW, false));

        assertThat(t).isInstanceOf(InputException.class);
        assertThat(read(target)).isEqualTo(OLD);
    }

    @Test
    void aFolderThatCannotBeCreatedFailsAndChangesNothing() throws IOException {
        Path blocker = dir.resolve("hypothetical");
        Files.writeString(blocker, "a file where the folder should be");

        InputException e = catchThrowableOfType(InputException.class,
                () -> AtomicFiles.write(blocker.resolve("m.json"), NEW, false));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("cannot write").contains("nothing was changed");
        assertThat(Files.readString(blocker)).isEqualTo("a file where the folder should be");
        assertThat(all(dir)).containsExactly("hypothetical");
    }

    @Test
    void aReadOnlyFolderFailsWithAnInputExceptionAndChangesNothing() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path existing = ro.resolve("m.json");
        Files.write(existing, OLD);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(ro)).as("the folder is read-only for this user (not so for root)").isFalse();

            InputException newFile = catchThrowableOfType(InputException.class,
                    () -> AtomicFiles.write(ro.resolve("n.json"), NEW, false));
            InputException replace = catchThrowableOfType(InputException.class,
                    () -> AtomicFiles.write(existing, NEW, true));

            assertThat(newFile).isNotNull();
            assertThat(newFile.getMessage()).contains("n.json").contains("cannot write: permission denied; nothing was changed");
            assertThat(replace).isNotNull();
            assertThat(replace.getMessage()).contains("permission denied");
            assertThat(all(ro)).containsExactly("m.json");
            assertThat(read(existing)).isEqualTo(OLD);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
