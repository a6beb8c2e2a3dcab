import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Synthetic hypothetical models for {@code origins predict --batch}: JSON Lines, one model a line,
 * each a random recipe on top of the real models of facts/models/ (a random real parent, or now and
 * then a model on an earlier line of the same block of --block lines; 0–3 stages of random
 * non-abstract kinds from facts/stage-kinds.json, each with random valid values of the attributes
 * its kind takes). The same --seed gives the same file.
 *
 * <pre>java -cp 'target/lib/*' bench/Generate.java --count 1000 [--seed 1] [--block 1000] [--facts facts] [--out FILE]</pre>
 *
 * Single-file source program (Java 11+ runs it without compiling); it needs only Jackson, from the
 * built project's target/lib. bench/generate.sh wraps it.
 */
public class Generate {
    private static final String[] CORPUS = {"common-crawl", "c4", "web-text", "books", "wikipedia", "code", "reddit",
            "news", "dialogue"};
    private static final String[] OBJECTIVES = {"causal-lm", "prefix-lm", "span-corruption"};
    private static final String[] MIXTURES = {"exemplars", "chain-of-thought", "dialogue"};
    private static final String[] ENCODINGS = {"absolute", "relative", "rotary", "alibi"};

    record Kind(String id, List<String> attributes) {
    }

    public static void main(String[] args) throws IOException {
        long count = 1000;
        long seed = 1;
        int block = 1000;
        Path facts = Path.of("facts");
        String out = "-";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--count" -> { count = Long.parseLong(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--block" -> { block = Integer.parseInt(v); i++; }
                case "--facts" -> { facts = Path.of(v); i++; }
                case "--out" -> { out = v; i++; }
                default -> {
                    System.err.println("usage: Generate --count N [--seed S] [--block B] [--facts DIR] [--out FILE|-]");
                    System.exit(2);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> parents = new ArrayList<>();
        try (Stream<Path> files = Files.list(facts.resolve("models"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                parents.add(json.readTree(f.toFile()).get("id").asText());
            }
        }
        List<Kind> kinds = new ArrayList<>();
        for (JsonNode k : json.readTree(facts.resolve("stage-kinds.json").toFile()).get("stageKinds")) {
            if (k.path("abstract").asBoolean(false)) {
                continue;
            }
            List<String> attrs = new ArrayList<>();
            k.path("attributes").forEach(x -> attrs.add(x.asText()));
            kinds.add(new Kind(k.get("id").asText(), attrs));
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Writer w = new BufferedWriter(new OutputStreamWriter(
                out.equals("-") ? System.out : Files.newOutputStream(Path.of(out)), StandardCharsets.UTF_8), 1 << 16);
        StringBuilder b = new StringBuilder(512);
        for (long n = 0; n < count; n++) {
            b.setLength(0);
            String id = String.format(Locale.ROOT, "syn-%07d", n + 1);
            long inBlock = n % block;
            String parent = inBlock > 0 && rnd.nextInt(10) == 0
                    ? String.format(Locale.ROOT, "syn-%07d", n - rnd.nextLong(inBlock) )
                    : parents.get(rnd.nextInt(parents.size()));
            b.append("{\"id\":\"").append(id).append("\",\"hypothetical\":true,\"parent\":\"").append(parent).append('"');
            if (rnd.nextInt(5) == 0) {
                b.append(",\"parameters\":").append(num(Math.pow(10, -1 + rnd.nextDouble() * 4)));
            }
            if (rnd.nextInt(8) == 0) {
                b.append(",\"contextLength\":").append(1 << (9 + rnd.nextInt(7)));
                b.append(",\"positionalEncoding\":\"").append(ENCODINGS[rnd.nextInt(ENCODINGS.length)]).append('"');
                b.append(",\"dataCutoff\":\"").append(2019 + rnd.nextInt(5)).append('-')
                        .append(String.format(Locale.ROOT, "%02d", 1 + rnd.nextInt(12))).append('"');
            }
            b.append(",\"stages\":[");
            int stages = rnd.nextInt(4);
            for (int s = 0; s < stages; s++) {
                Kind k = kinds.get(rnd.nextInt(kinds.size()));
                b.append(s == 0 ? "" : ",").append("{\"kind\":\"").append(k.id()).append("\",\"sources\":[\"USER\"]");
                for (String attr : k.attributes()) {
                    if (rnd.nextInt(5) < 2) {
                        continue;
                    }
                    b.append(",\"").append(attr).append("\":");
                    switch (attr) {
                        case "tokens" -> b.append(num(Math.pow(10, -1 + rnd.nextDouble() * 4)));
                        case "codeShare" -> b.append(num(rnd.nextInt(101) / 100.0));
                        case "computeShare" -> b.append(num(Math.pow(10, -4 + rnd.nextDouble() * 4)));
                        case "tasks" -> b.append(1 + (int) Math.pow(10, rnd.nextDouble() * 3.5));
                        case "examples" -> b.append(1 + (long) Math.pow(10, rnd.nextDouble() * 7));
                        case "objective" -> b.append('"').append(OBJECTIVES[rnd.nextInt(OBJECTIVES.length)]).append('"');
                        case "corpus" -> b.append(subset(rnd, CORPUS));
                        case "mixture" -> b.append(subset(rnd, MIXTURES));
                        default -> b.append("null");
                    }
                }
                b.append('}');
            }
            b.append("]}\n");
            w.write(b.toString());
        }
        w.flush();
    }

    /** A number with at most 4 significant decimals, as JSON. */
    private static String num(double d) {
        double r = Math.round(d * 10000) / 10000.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static String subset(SplittableRandom rnd, String[] all) {
        StringBuilder b = new StringBuilder("[");
        for (String s : all) {
            if (rnd.nextInt(3) == 0) {
                b.append(b.length() == 1 ? "" : ",").append('"').append(s).append('"');
            }
        }
        return b.append(']').toString();
    }
}
