package org.origins.render;

import org.origins.explain.Agreement;
import org.origins.explain.ObservationReport;
import org.origins.explain.Revision;

import java.util.List;
import java.util.Locale;

/** The text of {@code check --observations}'s agreement per observation file and of the essay conclusions later rules change. */
final class AgreementText {
    private final Style style;

    AgreementText(Style style) {
        this.style = style;
    }

    String agreement(String view, List<Agreement> splits) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold("agreement with the observations, " + view + " view")).append('\n');
        for (Agreement a : splits) {
            if (!a.file().endsWith("/observations.json") && !a.file().equals("observations.json")) {
                for (ObservationReport.Check c : a.observations().observations()) {
                    if (!c.verdict().equals("agree")) {
                        b.append(c.verdict().equals("contradict") ? style.warn("CONTRADICT  ") : style.dim(pad(c.verdict())))
                                .append(c.model()).append(' ').append(c.ability()).append(' ').append(c.observed())
                                .append("  (predicted: ").append(c.predicted()).append(")  ").append(style.dim(c.source())).append('\n');
                    }
                }
            }
            b.append(summary(a)).append('\n');
            for (Agreement.ByAbility x : a.abilities()) {
                b.append("    ").append(String.format(Locale.ROOT, "%-27s", x.ability())).append(count(x.agree(), x.total()))
                        .append("   always present ").append(count(x.alwaysPresent(), x.total()))
                        .append("   always absent ").append(count(x.alwaysAbsent(), x.total())).append('\n');
            }
        }
        return b.toString();
    }

    private static String pad(String s) {
        return String.format(Locale.ROOT, "%-12s", s.toUpperCase(Locale.ROOT));
    }

    private String summary(Agreement a) {
        return style.bold(a.split()) + " (" + a.file() + "): " + count(a.agree(), a.total()) + " agree"
                + (a.contradict() > 0 ? ", " + a.contradict() + " contradict" : "")
                + (a.undetermined() > 0 ? ", " + a.undetermined() + " undetermined" : "")
                + (a.unpredicted() > 0 ? ", " + a.unpredicted() + " unpredicted" : "")
                + " · always present " + count(a.alwaysPresent(), a.total())
                + " · always absent " + count(a.alwaysAbsent(), a.total());
    }

    private static String count(int n, int total) {
        return n + "/" + total + (total == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * n / total));
    }

    String revisions(List<Revision> revisions) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold("essay conclusions that later evidence changes (--view essay → default view): " + revisions.size()))
                .append('\n');
        for (Revision r : revisions) {
            b.append("  ").append(r.model()).append(' ').append(r.ability()).append(": ")
                    .append(style.level(r.essay(), r.essay().id())).append(" → ").append(style.level(r.now(), r.now().id())).append('\n');
            for (Revision.RuleRef x : r.by()) {
                b.append("      by ").append(x.rule()).append("  ").append(style.dim(x.source())).append('\n');
            }
            for (Revision.RuleRef x : r.superseded()) {
                b.append("      no longer ").append(x.rule()).append("  ").append(style.dim(x.source())).append('\n');
            }
        }
        return b.toString();
    }
}
