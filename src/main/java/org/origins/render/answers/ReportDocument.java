package org.origins.render.answers;

import org.origins.explain.AbilityProof;
import org.origins.explain.Agreement;
import org.origins.explain.EvolutionTree;
import org.origins.explain.ObservationReport;
import org.origins.explain.Report;
import org.origins.render.Anchors;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole knowledge base in one document ({@code origins report}): the evolution tree, the
 * matrix (each cell linked to its proof), the observations, the disputes, the rules, every proof
 * and the sources, with stable anchors between them.
 */
final class ReportDocument {
    static final String TITLE = "Where the abilities come from: an origins report";

    private ReportDocument() {
    }

    static Document of(Report r) {
        Document.Builder d = Document.builder().heading(1, null, Line.of(TITLE));
        Line summary = Line.of(r.matrix().models().size() + " models, " + r.matrix().abilities().size() + " abilities, "
                + r.rules().size() + " rules, " + r.disputes().disputes().size() + " disputed facts; observations: "
                + r.observations().agree() + " agree, " + r.observations().contradict() + " contradict, "
                + r.observations().unpredicted() + " unpredicted.");
        if (!r.hypothetical().isEmpty()) {
            summary.text(" ").warning("Hypothetical models (predicted by the rules, not observed): " + String.join(", ", r.hypothetical()) + ".");
        }
        d.paragraph(summary);
        d.add(new Block.Items(0, 0, false, List.of(link("lineage", "The evolution tree"), link("abilities", "Abilities"),
                link("observations", "Observations"), link("disputes", "Disputed facts"), link("rules", "Rules"),
                link("proofs", "Proofs"), link("sources", "Sources"))));

        d.heading(2, "lineage", Line.of("The evolution tree"));
        d.paragraph(Line.of().muted("Models as nodes; on each link the stages the model was trained through after its parent. "
                + "Dashed red: a disputed parent, and the alternative a source states. Dashed orange, apart: hypothetical models."));
        d.add(new Block.Diagram("tree", LineageGraph.lineage(r.lineage(), true), null));
        d.add(lineageTable(r.lineage()));

        Set<String> proofs = new LinkedHashSet<>();
        r.proofs().forEach(p -> proofs.add(Anchors.proof(p.model(), p.ability())));
        d.heading(2, "abilities", Line.of("Abilities"));
        d.paragraph(Line.of().muted("Each cell links to its proof."));
        MatrixDocument.of(r.matrix(), proofs, false, d);

        d.heading(2, "observations", Line.of("Observations"));
        observations(r.observations(), proofs, d);

        d.heading(2, "disputes", Line.of("Disputed facts"));
        if (r.disputes().disputes().isEmpty()) {
            d.paragraph("None.");
        } else {
            d.paragraph(Line.of().muted("Where the sources disagree: the value the knowledge base chose, and what each alternative "
                    + "would change (computed by re-running the rules with it assumed)."));
            DisputesDocument.of(r.disputes(), d);
        }

        d.heading(2, "rules", Line.of("Rules"));
        List<Block.Row> rules = new ArrayList<>();
        for (Report.RuleEntry e : r.rules()) {
            rules.add(new Block.Row(Anchors.rule(e.id()), List.of(Cells.of(Line.of().code(e.id())
                    .muted(e.location() == null ? "" : "  " + e.location())), Cells.of(e.grade() == null ? "" : e.grade().label()),
                    Cells.of(e.claim() == null ? "" : e.claim()), Cells.of(Line.of().muted(e.source() == null ? "" : e.source())),
                    Cells.of(String.join(", ", e.abilities()))), List.of()));
        }
        d.add(new Block.Table(null, 0, true, List.of(Cells.column("rule", 0, 0), Cells.column("grade", 2, 0),
                Cells.column("claim", 2, 0), Cells.column("source", 2, 0), Cells.column("about", 2, 0)), rules, 0, 0));

        d.heading(2, "proofs", Line.of("Proofs"));
        d.paragraph(Line.of().muted("Every cell above none: each step of the model's history that touched the ability, "
                + "the rules behind it (with their grades) and the facts they matched."));
        for (AbilityProof p : r.proofs()) {
            d.heading(3, Anchors.proof(p.model(), p.ability()), ProofDocument.summary(p));
            ProofDocument.compact(p, d);
            d.paragraph(Line.of().link(Anchors.href(Anchors.model(p.model())), Line.of("back to the matrix")));
        }

        d.heading(2, "sources", Line.of("Sources"));
        List<Block.Item> sources = new ArrayList<>();
        for (Report.SourceEntry s : r.sources()) {
            Line l = Line.of().strong(s.id()).text(" — " + (s.title() == null ? "" : s.title())
                    + (s.authors() == null ? "" : ", " + s.authors()) + (s.year() == null ? "" : " (" + s.year() + ")"));
            if (s.url() != null) {
                l.text(". ").code(s.url());
            }
            sources.add(Cells.item(l));
        }
        return d.add(new Block.Items(0, 0, false, sources)).build();
    }

    private static Block.Item link(String anchor, String text) {
        return Cells.item(Line.of().link(Anchors.href(anchor), Line.of(text)));
    }

    private static Block.Table lineageTable(EvolutionTree l) {
        List<Block.Row> rows = new ArrayList<>();
        for (EvolutionTree.ModelNode n : l.models()) {
            if (n.external()) {
                continue;
            }
            EvolutionTree.ParentEdge chosen = l.chosenParent(n.id());
            List<EvolutionTree.StageEntry> stages = l.ownStages(n);
            Line model = Line.of().link(Anchors.href(Anchors.model(n.id())), Line.of(n.id()));
            if (n.hypothetical()) {
                model.text(" ").warning("(hypothetical)");
            }
            Line by = Line.of();
            if (chosen != null) {
                by.muted(chosen.citation());
                if (chosen.disputed()) {
                    by.text(" ").warning("DISPUTED").text("; also stated: " + String.join("; ", l.otherParents(n.id())));
                }
            }
            rows.add(new Block.Row(null, List.of(Cells.of(model), Cells.of(chosen == null ? "none" + (n.base() == null ? ""
                    : " (base: " + n.base() + ")") : chosen.parent()), Cells.of(stages.isEmpty() ? Line.of().muted("none of its own")
                    : Line.of(String.join(", ", stages.stream().map(EvolutionTree.StageEntry::label).toList()))), Cells.of(by)), List.of()));
        }
        return new Block.Table(null, 0, true, List.of(Cells.column("model", 0, 0), Cells.column("parent", 2, 0),
                Cells.column("its own stages", 2, 0), Cells.column("parent stated by", 2, 0)), rows, 0, 0);
    }

    private static void observations(ObservationReport o, Set<String> proofs, Document.Builder d) {
        d.paragraph("What was observed, against what the rules predict: " + o.agree() + " agree, " + o.contradict()
                + " contradict, " + o.unpredicted() + " unpredicted.");
        if (o.observations().isEmpty()) {
            return;
        }
        List<Block.Row> rows = new ArrayList<>();
        for (ObservationReport.Check c : o.observations()) {
            String anchor = Anchors.proof(c.model(), c.ability());
            Line verdict = switch (c.verdict()) {
                case CONTRADICT -> Line.of().warning(c.verdict().toString());
                case AGREE -> Line.of(c.verdict().toString());
                case UNPREDICTED, UNDETERMINED -> Line.of().muted(c.verdict().toString());
            };
            Line observed = Line.of(c.observed());
            if (c.evidence() != null && c.verdict() != Agreement.AGREE) {
                observed.muted(" — " + c.evidence());
            }
            rows.add(new Block.Row(null, List.of(Cells.of(verdict), Cells.of(c.model()), Cells.of(proofs.contains(anchor)
                    ? Line.of().link(Anchors.href(anchor), Line.of(c.ability())) : Line.of(c.ability())), Cells.of(observed),
                    Cells.of(c.predicted()), Cells.of(Line.of().muted(c.source() + ", " + c.status()))), List.of()));
        }
        d.add(new Block.Table(null, 0, true, List.of(Cells.column("verdict", 0, 0), Cells.column("model", 2, 0),
                Cells.column("ability", 2, 0), Cells.column("observed", 2, 0), Cells.column("predicted", 2, 0),
                Cells.column("source", 2, 0)), rows, 0, 0));
    }
}
