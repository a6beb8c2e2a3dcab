package org.origins.cli;

import org.origins.io.InputException;
import org.origins.io.OutputTarget;
import org.origins.io.Problem;
import org.origins.batch.BatchPredictor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code origins predict --batch FILE [--out FILE]}: the options, and the run {@link PredictCommand} delegates to. */
final class PredictBatch {
    private PredictBatch() {
    }

    /** The batch options of {@code predict} (a mixin). */
    static class BatchOptions {
        @Option(names = "--batch", paramLabel = "FILE",
                description = {"Predict a stream of hypothetical models: JSON Lines, one model a line (the schema of "
                        + "facts/models, \"hypothetical\": true); - reads standard input. Writes one JSON line per model, "
                        + "in input order: {\"model\": ID, \"levels\": {ABILITY: LEVEL...}, \"grades\": {ABILITY: GRADE...}} "
                        + "(grades of the abilities some step decided; \"undetermined\": {ABILITY: [LEVEL...]} when a value the model leaves out "
                        + "would change an ability), or {\"model\": ID, \"error\": {\"line\": N, \"message\": ...}} "
                        + "for a line that is not a valid model; the stream goes on, and the exit code is 2 if any line was bad.",
                        "A parent must be a real model (or a --with model) or a model on an earlier line of the same chunk "
                                + "of --chunk lines. Blank lines are skipped. For millions of models, give the JVM the C2 "
                                + "compiler and a large young generation (bench/README.md)."})
        Path file;

        @Option(names = "--out", paramLabel = "FILE", description = "With --batch: write the results to FILE (default, or -: "
                + "standard output): whole or not at all (a temporary file, renamed when the stream ends); never an input file.")
        String out;

        @Option(names = "--force", description = "With --batch --out: replace an existing FILE (see --out of the other commands).")
        boolean force;

        @Option(names = "--chunk", paramLabel = "N", defaultValue = "" + BatchPredictor.DEFAULT_CHUNK,
                description = "With --batch: models per rule-engine session (default: ${DEFAULT-VALUE}); memory grows with it.")
        int chunk;

        @Option(names = "--threads", paramLabel = "N", description = "With --batch: worker threads (default: the processors, at most 4).")
        Integer threads;

        @Option(names = "--levels-only",
                description = "With --batch: do not try the values a line leaves out, so no \"undetermined\" (about three "
                        + "times faster when many lines leave values out; the levels and grades are the same).")
        boolean levelsOnly;

        @Option(names = "--full-reading", hidden = true,
                description = "With --batch: read every justification of the session, as single predictions do, "
                        + "instead of only the effects' (slower; the same output).")
        boolean fullReading;

        @Option(names = "--profile", hidden = true, description = "With --batch: print where the time went to standard error.")
        boolean profile;
    }

    static int run(CommandSpec spec, Options options, BatchOptions batch) {
        if (options.format != null && options.format != org.origins.render.Format.JSON
                && options.format != org.origins.render.Format.TEXT) {
            throw new InputException("--batch writes JSON Lines; --format " + options.format + " does not apply");
        }
        Workspace w = new Workspace(options);
        var settings = new BatchPredictor.Settings(batch.chunk,
                batch.threads == null ? BatchPredictor.Settings.defaultThreads() : batch.threads, options.maxFirings,
                !batch.fullReading, !batch.levelsOnly);
        boolean stdin = batch.file.toString().equals("-");
        Path source = stdin ? Path.of("<stdin>") : batch.file;
        if (!stdin) {
            BatchInput.check(batch.file);
        }
        boolean toStdout = batch.out == null || batch.out.equals("-");
        OutputTarget target = null;
        if (!toStdout) {
            List<Path> inputs = new ArrayList<>(List.of(options.factsDir(), options.rulesDir()));
            inputs.addAll(options.with);
            if (!stdin) {
                inputs.add(batch.file);
            }
            target = OutputTarget.of("--out", Path.of(batch.out), batch.force, inputs);
        }
        var predictor = new BatchPredictor(w.kb(), w.rules(), settings, source);
        long t0 = System.nanoTime();
        BatchPredictor.Summary summary;
        try (BatchInput.Source in = new BatchInput.Source(stdin ? System.in : Files.newInputStream(batch.file))) {
            try {
                if (toStdout) {
                    PrintWriter out = spec.commandLine().getOut();
                    summary = predictor.run(in, BatchInput.failing(out));
                    out.flush();
                } else {
                    try (OutputTarget.Writing file = target.open()) {
                        Writer out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
                        summary = predictor.run(in, out);
                        out.flush();
                        file.commit();
                    }
                }
            } catch (IOException e) {
                if (in.failure() == e) {
                    throw e;
                }
                throw toStdout ? new InputException("cannot write the predictions to standard output (a full disk, or a "
                        + "reader that went away?); the batch was stopped") : target.failed(e);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(e.getFile() + ": file not found");
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(source, 0, 0, null, "cannot read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (batch.profile) {
            err.printf("origins: %d lines, %d predicted, %d rejected in %.2f s; %s%n", summary.lines(), summary.predicted(),
                    summary.errors(), (System.nanoTime() - t0) / 1e9, predictor.profile());
        }
        if (summary.errors() > 0) {
            err.println("origins: " + summary.errors() + " of " + summary.lines() + " lines were rejected (their output lines "
                    + "hold the errors); first: " + summary.firstError());
            err.flush();
            return Main.BAD_INPUT;
        }
        err.flush();
        return Main.OK;
    }
}
