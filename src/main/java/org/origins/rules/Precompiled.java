package org.origins.rules;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.origins.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled rules as the build compiled them: Drools' executable model (plain Java classes, so
 * no DRL parsing, MVEL or bytecode generation at run time) and their rule infos, in origins' jar.
 * They serve a rule folder whose files have exactly the names and contents the build compiled;
 * any other folder (an analyst's edit) is compiled from DRL. The build writes them with
 * {@link ModelPrecompiler}. Set ORIGINS_PRECOMPILED=off to always compile from DRL.
 */
final class Precompiled {
    private static final Logger LOG = LoggerFactory.getLogger(Precompiled.class);
    static final String RESOURCE = "org/origins/rules/precompiled.bin";
    private static final String MAGIC = "origins-precompiled-rules/1";

    private Precompiled() {
    }

    static boolean enabled() {
        return !RuleCache.switchedOff("ORIGINS_PRECOMPILED", "origins.precompiled");
    }

    /** The precompiled rule base, if the build compiled exactly these rule files (same names, same text). */
    static Optional<RuleCache.Hit> load(List<Path> files, List<String> texts) {
        if (!enabled()) {
            return Optional.empty();
        }
        try (InputStream resource = Precompiled.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(resource);
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(RuleCache.ENGINE) || in.readInt() != files.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < files.size(); i++) {
                // the texts themselves, not a hash of them: exact, and no digest to set up on a cold start
                if (!in.readUTF().equals(files.get(i).getFileName().toString())
                        || !new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8).equals(texts.get(i))) {
                    return Optional.empty();
                }
            }
            List<Model> models = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                models.add((Model) Class.forName(in.readUTF()).getConstructor().newInstance());
            }
            byte[] infos = in.readNBytes(in.readInt());
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, RuleCache.configuration());
            return Optional.of(new RuleCache.Hit(kieBase, RuleInfoCodec.decode(infos, 0, infos.length, files)));
        } catch (Exception | LinkageError e) {
            LOG.debug("not using the precompiled rules: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Writes the resource that names the model classes of {@code files} (the build's step). */
    static void write(Path classes, List<Path> files, List<String> texts, List<String> modelClasses,
                      List<RuleInfo> infos) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(RuleCache.ENGINE);
            out.writeInt(files.size());
            for (int i = 0; i < files.size(); i++) {
                out.writeUTF(files.get(i).getFileName().toString());
                byte[] text = texts.get(i).getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            out.writeInt(modelClasses.size());
            for (String c : modelClasses) {
                out.writeUTF(c);
            }
            byte[] encoded = RuleInfoCodec.encode(infos);
            out.writeInt(encoded.length);
            out.write(encoded);
        }
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, bytes.toByteArray(), true);
    }
}
