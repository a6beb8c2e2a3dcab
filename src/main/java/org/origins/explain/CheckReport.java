package org.origins.explain;

import org.origins.io.FilePaths;
import org.origins.io.Problem;
import org.origins.rules.View;

import java.util.List;

/**
 * The answer to {@code origins check}: every problem found, and with {@code --observations} the
 * observations of facts/observations.json one by one ({@code observations}), the agreement per
 * observation file with the two constant guesses ({@code agreement}), and, in the default view,
 * the essay conclusions the later rules change ({@code revisions}); {@code view}: the view the
 * predictions were made in.
 */
public record CheckReport(String schema, int errors, int warnings, List<Issue> issues, ObservationReport observations,
                          View view, List<FileAgreement> agreement, List<Revision> revisions) implements Answer {
    public static final String SCHEMA = "origins.check/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.check(this);
    }

    public CheckReport {
        issues = List.copyOf(issues);
        agreement = agreement == null ? null : List.copyOf(agreement);
        revisions = revisions == null ? null : List.copyOf(revisions);
    }

    /** A problem in JSON-friendly form; {@code text} is the editor-style line. */
    public record Issue(String file, int line, int column, String pointer, Problem.Severity severity, String message,
                        String text) {
        public static Issue of(Problem p) {
            return new Issue(p.file() == null ? null : FilePaths.display(p.file()), p.line(), p.column(), p.pointer(),
                    p.severity(), p.message(), p.toString());
        }
    }

    public static CheckReport of(View view, List<Problem> problems, ObservationReport observations, List<FileAgreement> agreement,
                                 List<Revision> revisions) {
        int e = (int) problems.stream().filter(Problem::isError).count();
        int w = (int) problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
        return new CheckReport(SCHEMA, e, w, problems.stream().map(Issue::of).toList(), observations, view, agreement, revisions);
    }
}
