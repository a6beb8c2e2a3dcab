import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client for {@code origins serve} (bench/serve.sh runs it): only ever against the address given,
 * a loopback one, with a bounded number of requests and a bounded time.
 *
 * <pre>java bench/ServeLoad.java proof URL N SEED          # N distinct proof pages one at a time: the server's own time (Server-Timing)
 * java bench/ServeLoad.java load URL CLIENTS SECONDS  # CLIENTS clients, each asking again as soon as answered, for SECONDS</pre>
 *
 * The pages asked for: proofs of random model × ability cells of /api/matrix (the ones everyone opens),
 * with the why-not of some, model pages, the JSON of a proof, the matrix, a comparison; see {@link #mix}.
 * It prints the latency percentiles (client side: the whole round trip), by kind of page too, the errors
 * (any status but 200, an empty answer, or no answer) and the throughput.
 */
public class ServeLoad {
    static final Pattern MODEL = Pattern.compile("\"model\" : \"([^\"]+)\"");
    static final Pattern ABILITY = Pattern.compile("\"id\" : \"([^\"]+)\", \"shortName\"");
    static final Pattern TIMING = Pattern.compile("dur=([0-9.]+)");
    static final int MAX_REQUESTS = 2_000_000;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        String host = base.getHost();
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("this load client only asks a server on this machine's loopback address");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String matrix = new String(get(http, base.resolve("/api/matrix")).body(), StandardCharsets.UTF_8);
        List<String> models = all(MODEL, matrix);
        List<String> abilities = all(ABILITY, matrix.replace("\n", " ").replaceAll("\\s+", " "));
        if (models.isEmpty() || abilities.isEmpty()) {
            throw new IllegalStateException("no models or abilities in /api/matrix");
        }
        switch (args[0]) {
            case "proof" -> proof(http, base, models, abilities, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "load" -> load(http, base, models, abilities, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** N distinct proof pages (cells drawn without repeating, by the seed) one after another; the server's own time of each. */
    static void proof(HttpClient http, URI base, List<String> models, List<String> abilities, int n, long seed) throws Exception {
        List<String> cells = new ArrayList<>();
        for (String m : models) {
            for (String a : abilities) {
                cells.add("/why?model=" + m + "&ability=" + a);
            }
        }
        Collections.shuffle(cells, new Random(seed));
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        for (String path : cells.subList(0, Math.min(n, cells.size()))) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> resp = get(http, base.resolve(path));
            client.add((System.nanoTime() - t0) / 1e6);
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + resp.statusCode());
            }
            Matcher m = TIMING.matcher(resp.headers().firstValue("Server-Timing").orElse(""));
            if (m.find()) {
                server.add(Double.parseDouble(m.group(1)));
            }
        }
        System.out.printf(Locale.ROOT, "proof pages: %d of %d cells, server time median %.2f ms, p90 %.2f, p99 %.2f, max %.2f; "
                        + "round trip median %.2f ms%n", client.size(), cells.size(), pct(server, 50), pct(server, 90), pct(server, 99),
                pct(server, 100), pct(client, 50));
    }

    /** What a client asks for next: mostly proofs, then models, why-not, the matrix, JSON, comparisons. */
    static String mix(SplittableRandom r, List<String> models, List<String> abilities) {
        String m = models.get(r.nextInt(models.size()));
        String a = abilities.get(r.nextInt(abilities.size()));
        int dice = r.nextInt(100);
        if (dice < 50) {
            return "/why?model=" + m + "&ability=" + a;
        }
        if (dice < 65) {
            return "/model?model=" + m;
        }
        if (dice < 75) {
            return "/api/why?model=" + m + "&ability=" + a;
        }
        if (dice < 83) {
            return "/fragment/why-not?model=" + m + "&ability=" + a;
        }
        if (dice < 88) {
            return "/matrix";
        }
        if (dice < 93) {
            return "/compare?a=" + m + "&b=" + models.get(r.nextInt(models.size()));
        }
        if (dice < 97) {
            return "/lineage?series=GPT-3.5";
        }
        return "/api/model?model=" + m;
    }

    static void load(HttpClient http, URI base, List<String> models, List<String> abilities, int clients, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Double>> byKind = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong count = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom r = new SplittableRandom(100 + c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && count.incrementAndGet() < MAX_REQUESTS) {
                    String path = mix(r, models, abilities);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = get(http, base.resolve(path));
                        double ms = (System.nanoTime() - t0) / 1e6;
                        latencies.add(ms);
                        byKind.computeIfAbsent(path.replaceAll("\\?.*", ""), k -> new ConcurrentLinkedQueue<>()).add(ms);
                        if (resp.statusCode() != 200 || resp.body().length == 0) {
                            errors.add(resp.statusCode() + " (" + resp.body().length + " bytes) " + path);
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.add(e + " " + path);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Double> l = new ArrayList<>(latencies);
        System.out.printf(Locale.ROOT, "%d clients, %d s: %d requests (%.0f/s), errors %d; latency median %.1f ms, p90 %.1f, p99 %.1f, max %.1f%n",
                clients, seconds, l.size(), l.size() / (double) seconds, errors.size(), pct(l, 50), pct(l, 90), pct(l, 99), pct(l, 100));
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Double> k = new ArrayList<>(e.getValue());
            System.out.printf(Locale.ROOT, "  %-18s %6d requests, median %6.1f ms, p99 %7.1f%n", e.getKey(), k.size(), pct(k, 50), pct(k, 99));
        });
    }

    static HttpResponse<byte[]> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
