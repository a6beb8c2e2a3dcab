package org.origins.explain;

import org.origins.kb.Paths;
import org.origins.kb.Problem;

import java.util.List;

/**
 * The answer to {@code origins check}: every problem found, and with {@code --observations} the
 * observations of facts/observations.json one by one ({@code observations}), the agreement per
 * observation file with the two constant guesses ({@code agreement}), and, in the default view,
 * the essay conclusions the later rules change ({@code revisions}).
 */
public record CheckReport(String schema, int errors, int warnings, List<Issue> issues, ObservationReport observations,
                          String view, List<Agreement> agreement, List<Revision> revisions) {
    public static final String SCHEMA = "origins.check/1";

    public CheckReport {
        issues = List.copyOf(issues);
        agreement = agreement == null ? null : List.copyOf(agreement);
        revisions = revisions == null ? null : List.copyOf(revisions);
    }

    /** A problem in JSON-friendly form; {@code text} is the editor-style line. */
    public record Issue(String file, int line, int column, String pointer, String severity, String message, String text) {
        public static Issue of(Problem p) {
            return new Issue(p.file() == null ? null : Paths.display(p.file()), p.line(), p.column(), p.pointer(),
                    p.severity().name().toLowerCase(java.util.Locale.ROOT), p.message(), p.toString());
        }
    }

    public static CheckReport of(List<Problem> problems, ObservationReport observations) {
        return of(null, problems, observations, null, null);
    }

    public static CheckReport of(String view, List<Problem> problems, ObservationReport observations, List<Agreement> agreement,
                                 List<Revision> revisions) {
        int e = (int) problems.stream().filter(Problem::isError).count();
        return new CheckReport(SCHEMA, e, problems.size() - e, problems.stream().map(Issue::of).toList(), observations, view,
                agreement, revisions);
    }
}
