package org.origins.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rule cache trusts. A cache entry is compiled rules, Java-serialised: code, which would
 * run as whoever loads it. So, as OpenSSH treats its files:
 * <ul>
 *   <li>the cache folder must belong to the user running origins and be writable by no one else
 *   (origins creates it 0700); otherwise origins says so once and compiles without the cache;</li>
 *   <li>each entry must be a regular file of the user's, writable by no one else;</li>
 *   <li>each entry carries an HMAC-SHA256 of all its bytes under a per-user secret key (32 random
 *   bytes, the file {@code origins.key} in the cache folder, 0600, the user's own), checked before anything
 *   in the entry is read: an entry written by anyone without the key (another user's cache copied
 *   in, a file planted under the right name, a corrupt one) is never deserialised;</li>
 *   <li>only files it wrote are ever deleted: named as entries are and authenticated.</li>
 * </ul>
 * On a file system without POSIX owners and permissions, only the HMAC is checked.
 */
final class CacheTrust {
    private static final Logger USER = LoggerFactory.getLogger("origins");
    static final int MAC_LENGTH = 32;
    /** The key's file in the cache folder (never replaced once there). */
    static final String KEY = "origins.key";
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final SecretKeySpec key;

    private CacheTrust(Path dir, byte[] key) {
        this.dir = dir;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The cache folder, created private if missing, with its key; empty (after a warning) when it is not to be trusted. */
    static Optional<CacheTrust> of(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (dir.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(dir.toAbsolutePath().getParent());
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile by another run: checked below like any other
                }
            }
            String wrong = untrusted(dir.toRealPath(), true);
            if (wrong != null) {
                warn(dir, "not using the rule cache " + dir + ": " + wrong + "; the rules are compiled without it (slower). "
                        + "Make the folder your own and private (chmod 700), or set ORIGINS_CACHE_DIR to a folder of your own");
                return Optional.empty();
            }
            return Optional.of(new CacheTrust(dir, key(dir.resolve(KEY))));
        } catch (IOException | GeneralSecurityException e) {
            warn(dir, "not using the rule cache " + dir + ": " + describe(e) + "; the rules are compiled without it (slower)");
            return Optional.empty();
        }
    }

    private static String describe(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void warn(Path dir, String message) {
        if (WARNED.add(dir.toAbsolutePath().normalize())) {
            USER.warn(message);
        }
    }

    /** Why a cache folder or file is not to be trusted, or null when it is: not the user's own, or writable by others. */
    static String untrusted(Path p, boolean folder) throws IOException {
        if (folder ? !Files.isDirectory(p) : !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return folder ? "it is not a folder" : "it is not a regular file";
        }
        if (!Files.getFileStore(p).supportsFileAttributeView("unix")) {
            return null;
        }
        int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid()) {
            return "it belongs to another user (uid " + owner + ")";
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return "it is writable by others (" + PosixFilePermissions.toString(mode) + ")";
        }
        return null;
    }

    /** The user's numeric id (what file owners are compared with). */
    static long uid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    /**
     * The per-user key: read if the user's own 0600 file holds one; else made from 32 random bytes
     * and linked into place without replacing a key another run made meanwhile.
     */
    private static byte[] key(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] fresh = new byte[MAC_LENGTH];
            new SecureRandom().nextBytes(fresh);
            Path tmp = file.resolveSibling("." + KEY + ".tmp-" + UUID.randomUUID());
            try {
                try {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                }
                Files.write(tmp, fresh);
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another run made one first: that one is the key
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String wrong = untrusted(file, false);
        if (wrong == null && Files.getFileStore(file).supportsFileAttributeView("posix")
                && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).stream().anyMatch(p -> !p.name().startsWith("OWNER"))) {
            wrong = "others may read it";
        }
        byte[] k = wrong == null ? Files.readAllBytes(file) : null;
        if (wrong != null || k.length != MAC_LENGTH) {
            throw new IOException("its key " + file + " is not to be trusted (" + (wrong != null ? wrong : "not " + MAC_LENGTH
                    + " bytes") + "); delete the cache folder and origins makes a new one");
        }
        return k;
    }

    Path dir() {
        return dir;
    }

    /** {@code body} with its HMAC appended. */
    byte[] seal(byte[] body) {
        byte[] mac = mac(body, body.length);
        byte[] out = Arrays.copyOf(body, body.length + MAC_LENGTH);
        System.arraycopy(mac, 0, out, body.length, MAC_LENGTH);
        return out;
    }

    /** The entry's body if its HMAC is right (compared in constant time); empty otherwise. Nothing else is read. */
    Optional<byte[]> open(byte[] sealed) {
        if (sealed.length < MAC_LENGTH) {
            return Optional.empty();
        }
        int n = sealed.length - MAC_LENGTH;
        boolean ok = MessageDigest.isEqual(mac(sealed, n), Arrays.copyOfRange(sealed, n, sealed.length));
        return ok ? Optional.of(Arrays.copyOf(sealed, n)) : Optional.empty();
    }

    /** The entry file's bytes if it is the user's own, private file and authenticated; empty otherwise. */
    Optional<byte[]> read(Path entry) throws IOException {
        String wrong = untrusted(entry, false);
        if (wrong != null) {
            warn(entry, "not using the cached rules " + entry + ": " + wrong + "; they are compiled again");
            return Optional.empty();
        }
        return open(Files.readAllBytes(entry));
    }

    private byte[] mac(byte[] bytes, int length) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(bytes, 0, length);
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
