package org.origins.io;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for near-miss names: edit distance, then prefix and substring matches. */
public final class Suggest {
    private Suggest() {
    }

    public static Optional<String> closest(String input, Collection<String> candidates) {
        return ranked(input, candidates).stream().findFirst();
    }

    /**
     * Up to three close candidates, best first. When none is close as a whole, candidates that hold
     * the input with a single typo ("davinci-0O2" in "code-davinci-002") are offered instead.
     */
    public static List<String> ranked(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, in.length() / 3);
        List<String> close = best(in, candidates.stream().filter(c -> {
            String lc = c.toLowerCase(Locale.ROOT);
            return distance(in, lc) <= limit || (in.length() >= 3 && (lc.startsWith(in) || lc.contains(in)));
        }).toList());
        if (!close.isEmpty() || in.length() < 6) {
            return close;
        }
        return best(in, candidates.stream().filter(c -> infixDistance(in, c.toLowerCase(Locale.ROOT)) <= 1).toList());
    }

    private static List<String> best(String in, List<String> matches) {
        return matches.stream()
                .sorted(Comparator.<String>comparingInt(c -> distance(in, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .distinct()
                .limit(3)
                .toList();
    }

    /** A hint to append to a message: "; did you mean "x"?" or "". */
    public static String hint(String input, Collection<String> candidates) {
        List<String> r = ranked(input, candidates);
        if (r.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", r.stream().map(s -> "\"" + s + "\"").toList()) + "?";
    }

    /** The fewest edits that turn {@code a} into some substring of {@code b}. */
    static int infixDistance(String a, String b) {
        int min = Integer.MAX_VALUE;
        for (int v : lastRow(a, b, false)) {
            min = Math.min(min, v); // a match may end anywhere in b
        }
        return min;
    }

    static int distance(String a, String b) {
        return lastRow(a, b, true)[b.length()];
    }

    /**
     * The last row of the edit-distance table of {@code a} against {@code b}; when not
     * {@code anchored}, row 0 is all zeros, so a match may start anywhere in b.
     */
    private static int[] lastRow(String a, String b, boolean anchored) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = anchored ? j : 0;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev;
    }
}
