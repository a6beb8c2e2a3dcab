package org.origins.rules;

import org.origins.kb.Grade;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule infos stored beside a compiled rule base (the on-disk cache, the build's precompiled rules),
 * so that a rule folder that was compiled before is not parsed again. A plain field-by-field
 * encoding (Java serialization of the records took a fifth of a cold answer's rule loading). Each
 * rule file's path is stored as its name and read back as the file of that name in the folder
 * being loaded: what is stored is keyed by file names and contents, not by folder.
 */
final class RuleInfoCodec {
    private RuleInfoCodec() {
    }

    static byte[] encode(List<RuleInfo> infos) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(infos.size());
            for (RuleInfo r : infos) {
                write(out, r);
            }
        }
        return bytes.toByteArray();
    }

    /** The infos stored in {@code bytes[offset, offset + length)}, their files among {@code files}. */
    static List<RuleInfo> decode(byte[] bytes, int offset, int length, List<Path> files) throws IOException {
        Map<String, Path> byName = new HashMap<>();
        files.forEach(f -> byName.put(f.getFileName().toString(), f));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
        int n = in.readInt();
        List<RuleInfo> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            infos.add(read(in, byName));
        }
        return infos;
    }

    private static void write(DataOutputStream out, RuleInfo r) throws IOException {
        for (String s : new String[] {r.id(), r.name(), r.claim(), r.grade() == null ? null : r.grade().name(), r.source(),
                r.cites(), r.file().getFileName().toString()}) {
            string(out, s);
        }
        out.writeInt(r.line());
        out.writeInt(r.conditions().size());
        for (Condition c : r.conditions()) {
            string(out, c.type());
            string(out, c.binding());
            out.writeInt(c.constraints().size());
            for (Condition.Constraint k : c.constraints()) {
                string(out, k.text());
                out.writeInt(k.line());
                out.writeInt(k.column());
            }
            string(out, c.scope());
            out.writeInt(c.line());
            out.writeInt(c.column());
        }
        out.writeInt(r.conclusions().size());
        for (RuleInfo.Conclusion c : r.conclusions()) {
            string(out, c.change());
            string(out, c.ability());
            string(out, c.level());
        }
        string(out, r.consequence());
        out.writeInt(r.imports().size());
        for (String s : r.imports()) {
            string(out, s);
        }
    }

    private static RuleInfo read(DataInputStream in, Map<String, Path> files) throws IOException {
        String id = string(in);
        String name = string(in);
        String claim = string(in);
        String grade = string(in);
        String source = string(in);
        String cites = string(in);
        String fileName = string(in);
        Path file = files.get(fileName);
        if (file == null) {
            throw new IOException("no rule file named " + fileName);
        }
        int line = in.readInt();
        List<Condition> conditions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String type = string(in);
            String binding = string(in);
            List<Condition.Constraint> constraints = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                constraints.add(new Condition.Constraint(string(in), in.readInt(), in.readInt()));
            }
            conditions.add(new Condition(type, binding, constraints, string(in), in.readInt(), in.readInt()));
        }
        List<RuleInfo.Conclusion> conclusions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            conclusions.add(new RuleInfo.Conclusion(string(in), string(in), string(in)));
        }
        String consequence = string(in);
        List<String> imports = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            imports.add(string(in));
        }
        return new RuleInfo(id, name, claim, grade == null ? null : Grade.valueOf(grade), source, cites, file, line,
                conditions, conclusions, consequence, imports);
    }

    /** A string that may be null; any length (writeUTF stops at 64 KB). */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
