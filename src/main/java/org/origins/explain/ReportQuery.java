package org.origins.explain;

import org.origins.io.FilePaths;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.Source;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers the contents of {@code origins report} from one reasoning run. */
public final class ReportQuery {
    /** How many rule applications each proof in the report shows below a step: enough for the premises. */
    public static final int PROOF_DEPTH = 2;

    private ReportQuery() {
    }

    public static Report build(Reasoning r, long maxFirings) {
        Matrix matrix = MatrixQuery.of(r, true);
        List<AbilityProof> proofs = new ArrayList<>();
        for (Matrix.Row row : matrix.models()) {
            for (Matrix.Cell cell : row.cells()) {
                if (cell.level() != Level.NONE) {
                    proofs.add(WhyQuery.why(r, row.model(), cell.ability(), PROOF_DEPTH));
                }
            }
        }
        List<Report.RuleEntry> rules = new ArrayList<>();
        for (RuleInfo rule : r.rules().rules()) {
            String location = rule.file() == null ? null : FilePaths.display(rule.file()) + (rule.line() > 0 ? ":" + rule.line() : "");
            rules.add(new Report.RuleEntry(rule.id() == null ? rule.name() : rule.id(), rule.claim(), rule.grade(),
                    rule.source(), location, rule.abilities()));
        }
        rules.sort(Comparator.comparing(Report.RuleEntry::id));
        List<Report.SourceEntry> sources = r.kb().sources().values().stream()
                .sorted(Comparator.comparing(Source::id))
                .map(s -> new Report.SourceEntry(s.id(), s.title(), s.authors(), s.year(), s.url())).toList();
        List<String> hypothetical = r.kb().models().stream().filter(ModelRecord::hypothetical).map(ModelRecord::id).toList();
        return new Report(Report.SCHEMA, hypothetical, LineageQuery.of(r.kb()), matrix, proofs, ObservationsQuery.check(r),
                DisputesQuery.all(r, maxFirings), rules, sources);
    }
}
