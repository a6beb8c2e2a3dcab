package org.origins.rules;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.builder.KieBuilder;
import org.origins.io.InputException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's step that precompiles the bundled rules (Maven runs it after compiling origins, see
 * pom.xml): {@code ModelPrecompiler RULES_DIR CLASSES_DIR} compiles every .drl file of RULES_DIR
 * into Drools' executable model and writes its classes, and the {@link Precompiled} resource that
 * names them, into CLASSES_DIR. Needs drools-model-codegen, which the build has and the runtime
 * does not.
 */
public final class ModelPrecompiler {
    private ModelPrecompiler() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.err));
    }

    /**
     * Precompiles; rule files that do not compile are reported and left out (no model is written),
     * not a failed build: they are the analysts' data, and origins compiles them when it runs and
     * reports their errors there, with its exit code for bad input.
     */
    static int run(String[] args, PrintStream err) throws IOException {
        if (args.length != 2) {
            err.println("usage: ModelPrecompiler RULES_DIR CLASSES_DIR");
            return 2;
        }
        Path rules = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        try {
            precompile(rules, classes);
        } catch (InputException e) {
            Files.deleteIfExists(classes.resolve(Precompiled.RESOURCE));
            err.println("origins: the rules of " + rules + " were not precompiled; origins compiles them when it runs. "
                    + "They do not compile:");
            e.problems().forEach(p -> err.println("  " + p));
        }
        return 0;
    }

    /** Compiles and writes; returns how many classes the model has. */
    static int precompile(Path rulesDir, Path classesDir) throws IOException {
        List<Path> files = RuleCompiler.ruleFiles(rulesDir);
        List<String> texts = RuleCompiler.read(files);
        List<RuleInfo> infos = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            infos.addAll(RuleParser.parse(files.get(i), texts.get(i)));
        }
        KieBuilder builder = RuleCompiler.kieBuild(files, texts, infos, ExecutableModelProject.class);
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        removeEarlierModel(classesDir);
        List<String> models = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                // "Drools-Model-Version:..." then one model class per line
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.contains(":")).forEach(models::add);
            } else if (name.endsWith(".class") && !name.startsWith("org/drools/project/")) {
                Path out = classesDir.resolve(name);
                Files.createDirectories(out.getParent());
                Files.write(out, module.getBytes(name));
                written.add(name);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable model names no model class");
        }
        Files.write(classesDir.resolve(CLASS_LIST), written);
        Precompiled.write(classesDir, files, texts, models, infos);
        return written.size();
    }

    /** The class files the last run wrote (their names carry a hash of the rules, so new ones do not replace them). */
    static final String CLASS_LIST = "org/origins/rules/precompiled.classes";

    private static void removeEarlierModel(Path classesDir) throws IOException {
        Path list = classesDir.resolve(CLASS_LIST);
        if (Files.isRegularFile(list)) {
            for (String name : Files.readAllLines(list)) {
                if (name.endsWith(".class") && !name.contains("..")) {
                    Files.deleteIfExists(classesDir.resolve(name));
                }
            }
        }
    }
}
