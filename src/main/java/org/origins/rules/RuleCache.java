package org.origins.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.KiePackage;
import org.origins.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The compiled rule base on disk, so that an unchanged rule folder is neither compiled nor parsed
 * again: the engine's packages and each rule's {@link RuleInfo} (metadata, conditions). The key
 * is a SHA-256 of the engine version, origins' own classes (the facts rules match) and every rule
 * file's name and content; a file is used only if {@link CacheTrust} trusts the folder and the file
 * (the user's own, an HMAC under the user's key), its header carries the same key and it reads back
 * whole. A stale, foreign or corrupt file is ignored and replaced. Set ORIGINS_CACHE=off to
 * disable, ORIGINS_CACHE_DIR to move it (default: $XDG_CACHE_HOME/origins or ~/.cache/origins).
 */
final class RuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    private static final String MAGIC = "origins-rule-cache/3";
    /** The name of an entry: the key, hex. Nothing else in the folder is ever read or deleted. */
    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.kb");
    static final String ENGINE = "drools-10.2.0";

    private RuleCache() {
    }

    static boolean enabled() {
        return !switchedOff("ORIGINS_CACHE", "origins.cache");
    }

    /** Whether the environment variable or the system property says "off" (case does not matter). */
    static boolean switchedOff(String variable, String property) {
        return "off".equalsIgnoreCase(System.getenv().getOrDefault(variable, ""))
                || "off".equalsIgnoreCase(System.getProperty(property, ""));
    }

    static Path directory() {
        String dir = System.getProperty("origins.cache.dir", System.getenv("ORIGINS_CACHE_DIR"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("origins");
    }

    /** The key of a rule folder's content: any change of a rule file, of origins or of the engine changes it. */
    static String key(List<Path> files, List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, MAGIC);
            update(md, ENGINE);
            update(md, ownCode());
            for (int i = 0; i < files.size(); i++) {
                update(md, files.get(i).getFileName().toString());
                update(md, texts.get(i));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) ':');
        md.update(b);
    }

    /** Identifies the build of origins' classes (size and time of the jar or class folder). */
    private static String ownCode() {
        try {
            Path p = Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(p)) {
                p = p.resolve("org/origins/facts/Model.class");
            }
            return p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return "unknown-build";
        }
    }

    /** A rule base read back from the cache: the engine's compiled packages and what each rule says about itself. */
    record Hit(KieBase kieBase, List<RuleInfo> infos) {
    }

    /**
     * The cached rule base of {@code key}, if a whole, matching one is on disk; the rule infos' files
     * are those of {@code files} (the cache is keyed by file names and contents, not by folder).
     */
    static Optional<Hit> load(String key, List<Path> files) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = directory().resolve(key + ".kb");
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Optional<CacheTrust> trust = CacheTrust.of(directory());
        if (trust.isEmpty()) {
            return Optional.empty();
        }
        try {
            // authenticated before anything in it is read, let alone deserialised
            byte[] bytes = trust.get().read(file).orElseThrow(() -> new IOException("not authenticated by the user's key"));
            byte[] header = header(key);
            if (bytes.length < header.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, header.length), header)) {
                throw new IOException("header does not match");
            }
            ByteBuffer body = ByteBuffer.wrap(bytes, header.length, bytes.length - header.length);
            int infoLength = body.getInt();
            List<RuleInfo> infos = RuleInfoCodec.decode(bytes, body.position(), infoLength, files);
            int packagesAt = body.position() + infoLength;
            Object packages;
            try (var in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes, packagesAt, bytes.length - packagesAt),
                    RuleCache.class.getClassLoader())) {
                packages = in.readObject();
            }
            InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase(configuration());
            kb.addPackages(Arrays.asList((KiePackage[]) packages));
            return Optional.of(new Hit(kb, infos));
        } catch (Exception | LinkageError e) {
            // stale, corrupt or foreign: not used, and replaced by the next store (a rename over it)
            LOG.debug("ignoring the rule cache {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    static void store(String key, KieBase kieBase, List<RuleInfo> infos) {
        if (!enabled()) {
            return;
        }
        Optional<CacheTrust> trust = CacheTrust.of(directory());
        if (trust.isEmpty()) {
            return;
        }
        try {
            byte[] infoBytes = RuleInfoCodec.encode(infos);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(header(key));
            bytes.write(ByteBuffer.allocate(4).putInt(infoBytes.length).array());
            bytes.write(infoBytes);
            try (var out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(((InternalKnowledgeBase) kieBase).getPackages());
            }
            AtomicFiles.write(directory().resolve(key + ".kb"), trust.get().seal(bytes.toByteArray()), true,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            prune(trust.get(), KEEP);
        } catch (Exception e) {
            LOG.debug("could not write the rule cache: {}", e.toString());
        }
    }

    private static byte[] header(String key) {
        return (MAGIC + "\n" + key + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** How many compiled rule bases to keep (one per rule folder version an analyst switches between). */
    static final int KEEP = 8;

    /**
     * Removes all but the {@code keep} most recently written rule bases; only files the cache wrote
     * (named as its entries are, the user's own, authenticated by the key) are candidates.
     */
    static void prune(CacheTrust trust, int keep) throws IOException {
        List<Path> ours = new java.util.ArrayList<>();
        try (var files = Files.list(trust.dir())) {
            for (Path p : files.filter(p -> ENTRY.matcher(p.getFileName().toString()).matches()).toList()) {
                if (CacheTrust.untrusted(p, false) == null && trust.open(Files.readAllBytes(p)).isPresent()) {
                    ours.add(p);
                }
            }
        }
        List<Path> all = ours.stream().sorted(java.util.Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed()).toList();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    static KieBaseConfiguration configuration() {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        return conf;
    }
}
