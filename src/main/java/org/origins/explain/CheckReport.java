package org.origins.explain;


import java.util.List;
import org.origins.io.FilePaths;
import org.origins.io.Problem;

/** The answer to {@code origins check}: every problem found, and the observation check when asked. */
public record CheckReport(String schema, int errors, int warnings, List<Issue> issues, ObservationReport observations)
        implements Answer {
    public static final String SCHEMA = "origins.check/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.check(this);
    }

    public CheckReport {
        issues = List.copyOf(issues);
    }

    /** A problem in JSON-friendly form; {@code text} is the editor-style line. */
    public record Issue(String file, int line, int column, String pointer, Problem.Severity severity, String message,
                        String text) {
        public static Issue of(Problem p) {
            return new Issue(p.file() == null ? null : FilePaths.display(p.file()), p.line(), p.column(), p.pointer(),
                    p.severity(), p.message(), p.toString());
        }
    }

    public static CheckReport of(List<Problem> problems, ObservationReport observations) {
        int e = (int) problems.stream().filter(Problem::isError).count();
        int w = (int) problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
        return new CheckReport(SCHEMA, e, w, problems.stream().map(Issue::of).toList(), observations);
    }
}
