package org.origins.web;

import org.origins.explain.AbilityProof;
import org.origins.explain.Recipes;
import org.origins.explain.Answer;
import org.origins.explain.Disputes;
import org.origins.explain.ModelCard;
import org.origins.explain.TestReport;
import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageKind;
import org.origins.kb.StageRecord;
import org.origins.reasoning.Reasoning;
import org.origins.render.Document;
import org.origins.render.HtmlWriter;
import org.origins.render.SvgDrawer;
import org.origins.render.answers.Documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import static org.origins.render.HtmlWriter.esc;

/**
 * The explorer's pages. Each is an answer of {@link Queries} made into its document by
 * {@link Documents#linked} and written by the {@link HtmlWriter} — the same answer, document and writer as
 * {@code origins report} and {@code --format markdown} use, so that a page cannot say other than the
 * command line — in the {@link Layout}'s frame, with the forms that ask the questions. A page computes
 * nothing itself: the forms list the knowledge base's names, and the answers come from the queries.
 */
final class Pages {
    private final Queries queries;
    private final Live live;
    private final boolean allowEdit;
    private final Live.Memo<Links> links = new Live.Memo<>(r -> new Links(r.kb()));

    Pages(Queries queries, Live live, boolean allowEdit) {
        this.queries = queries;
        this.live = live;
        this.allowEdit = allowEdit;
    }

    /** The answer's document, linked, as HTML for a page of the explorer. */
    private String html(Reasoning r, Answer answer) {
        return html(r, Documents.linked(answer));
    }

    private String html(Reasoning r, Document d) {
        return new HtmlWriter(SvgDrawer.layered(), links.get(r)).fragment(d.blocks());
    }

    private String page(String title, String active, String body, List<String> cli, String api) {
        return Layout.page(title, active, live.problems().stream().map(org.origins.io.Problem::shown).toList(), body,
                cli == null ? null : Layout.command(cli), api);
    }

    // ---- matrix ---------------------------------------------------------------------------------

    String matrix(Reasoning r, Params p) {
        var matrix = queries.matrix(r, withObserved(p));
        KnowledgeBase kb = r.kb();
        StringBuilder b = new StringBuilder("<h1>Where each model's abilities come from</h1>\n")
                .append("<form class=\"filters\" method=\"get\" action=\"/matrix\">\n")
                .append(Layout.select("organisation", "organisation", "any", names(kb, ModelRecord::organisation), p.optional("organisation")))
                .append(Layout.select("series", "series", "any", names(kb, ModelRecord::series), p.optional("series")))
                .append(Layout.choice("hypothetical", "models", List.of(List.of("", "real and hypothetical"), List.of("no", "real only"),
                        List.of("yes", "hypothetical only")), p.optional("hypothetical")))
                .append("<button type=\"submit\">Show</button>\n")
                .append(Layout.choice("grade", "grade at least", List.of(List.of("", "any"), List.of("C", "conclusion"),
                        List.of("SH", "strong hypothesis"), List.of("H", "hypothesis"), List.of("EG", "educated guess")), p.optional("grade")))
                .append("</form>\n<p class=\"muted\">").append(matrix.models().size())
                .append(" models. Each cell opens its proof; a weaker grade than the one chosen fades its cell.</p>\n")
                .append("<div class=\"matrix\">\n").append(html(r, matrix)).append("</div>\n");
        List<String> cli = new ArrayList<>(List.of("matrix", "--observed"));
        addOption(cli, "--organisation", p.optional("organisation"));
        addOption(cli, "--series", p.optional("series"));
        addOption(cli, "--hypothetical", p.optional("hypothetical"));
        return page("Matrix", "/matrix", b.toString(), cli, "/api/matrix?" + query(p, "observed", "organisation", "series", "hypothetical"));
    }

    /** The matrix page always marks the observations. */
    private static Params withObserved(Params p) {
        var values = new java.util.HashMap<>(p.values());
        values.put("observed", List.of("yes"));
        return new Params(values);
    }

    // ---- proof and why-not ----------------------------------------------------------------------

    String why(Reasoning r, Params p) {
        AbilityProof proof = queries.why(r, p);
        String model = proof.model();
        String ability = proof.ability();
        StringBuilder b = new StringBuilder("<p class=\"crumbs\"><a href=\"").append(esc(Links.model(model))).append("\">")
                .append(esc(model)).append("</a> · ").append(esc(ability)).append(" · <a href=\"/what-if?model=")
                .append(esc(Links.enc(model))).append("\">what if…</a> · the steps: <button type=\"button\" data-tree=\"open\">"
                        + "expand all</button> <button type=\"button\" data-tree=\"close\">collapse all</button></p>\n")
                .append("<div class=\"proof\">\n").append(html(r, proof)).append("</div>\n");
        if (proof.level() != Level.STRONG) {
            String src = "/fragment/why-not?model=" + Links.enc(model) + "&ability=" + Links.enc(ability);
            b.append("<details id=\"why-not\" class=\"why-not\" data-src=\"").append(esc(src)).append('"')
                    .append(proof.lacks() ? " open" : "").append("><summary>")
                    .append(proof.lacks() ? "Why not? The rules that could conclude it, and what each misses"
                            : "Why not higher? The rules that could raise it, and what each misses")
                    .append("</summary>\n<div class=\"why-not-body\"><p class=\"muted\">loading… (or open <a href=\"")
                    .append(esc("/why-not?model=" + Links.enc(model) + "&ability=" + Links.enc(ability))).append("\">the why-not page</a>)</p></div>\n")
                    .append(whatWouldItTake(model, ability)).append("</details>\n");
        }
        return page(model + " · " + ability, null, b.toString(), List.of("why", model, ability), "/api/why?" + query(p, "model", "ability", "depth"));
    }

    /** Below a cell's why-not: what would it take, the fewest training changes that raise the ability. */
    private static String whatWouldItTake(String model, String ability) {
        return "<p class=\"recipe-slot\"><a class=\"button\" href=\"" + esc(Links.whatItTakes(model, ability))
                + "\">What would it take?</a> <span class=\"muted\">the fewest changes to its training that the rules say raise it</span></p>\n";
    }

    String whatItTakes(Reasoning r, Params p) {
        Recipes recipes = queries.whatItTakes(r, p);
        String body = "<p class=\"crumbs\"><a href=\"" + esc(Links.proof(recipes.model(), recipes.ability())) + "\">"
                + esc(recipes.model()) + " · " + esc(recipes.ability()) + "</a></p>\n<h1>What would it take: " + esc(recipes.model())
                + " · " + esc(recipes.ability()) + "</h1>\n<div class=\"proof\">\n" + html(r, recipes) + "</div>\n";
        return page(recipes.model() + " · what would it take", null, body, List.of("recipe", recipes.model(), recipes.ability()),
                "/api/recipe?" + query(p, "model", "ability", "level"));
    }

    String whyNotFragment(Reasoning r, Params p) {
        return html(r, queries.whyNot(r, p));
    }

    String whyNot(Reasoning r, Params p) {
        var w = queries.whyNot(r, p);
        String body = "<h1>Why not: " + esc(w.model()) + " · " + esc(w.ability()) + "</h1>\n<div class=\"proof\">\n" + html(r, w) + "</div>\n";
        return page(w.model() + " · why not " + w.ability(), null, body, List.of("why-not", w.model(), w.ability()),
                "/api/why-not?" + query(p, "model", "ability", "level"));
    }

    // ---- model and lineage ----------------------------------------------------------------------

    String model(Reasoning r, Params p) {
        ModelCard card = queries.model(r, p);
        String m = Links.enc(card.model());
        String body = "<p class=\"crumbs\"><a href=\"/what-if?model=" + esc(m) + "\">what if…</a> · <a href=\"/recipe?parent=" + esc(m)
                + "\">a recipe on it…</a> · <a href=\"/lineage?series=" + esc(Links.enc(Objects.toString(card.series(), ""))) + "\">its series' tree</a></p>\n"
                + "<div class=\"card\">\n" + html(r, card) + "</div>\n";
        return page(card.model(), null, body, List.of("model", card.model()), "/api/model?model=" + m);
    }

    String lineage(Reasoning r, Params p) {
        var tree = queries.lineage(r, p);
        KnowledgeBase kb = r.kb();
        String body = "<h1>The evolution tree</h1>\n<form class=\"filters\" method=\"get\" action=\"/lineage\">\n"
                + Layout.select("series", "series", "any", names(kb, ModelRecord::series), p.optional("series"))
                + Layout.select("organisation", "organisation", "any", names(kb, ModelRecord::organisation), p.optional("organisation"))
                + Layout.choice("hypothetical", "models", List.of(List.of("", "real and hypothetical"), List.of("no", "real only"),
                List.of("yes", "hypothetical only")), p.optional("hypothetical"))
                + "<button type=\"submit\">Show</button></form>\n"
                + "<p class=\"muted\">The selected models and their ancestors. Click a model for its page; dashed red: a disputed "
                + "parent; dashed orange, apart: hypothetical models.</p>\n<div class=\"lineage\">\n" + html(r, tree) + "</div>\n";
        List<String> cli = new ArrayList<>(List.of("lineage"));
        addOption(cli, "--series", p.optional("series"));
        addOption(cli, "--organisation", p.optional("organisation"));
        addOption(cli, "--hypothetical", p.optional("hypothetical"));
        return page("Lineage", "/lineage", body, cli, "/api/lineage?" + query(p, "series", "organisation", "hypothetical"));
    }

    // ---- compare and what-if --------------------------------------------------------------------

    String compare(Reasoning r, Params p) {
        List<String> models = r.kb().models().stream().map(ModelRecord::id).toList();
        String a = p.optional("a");
        String bm = p.optional("b");
        StringBuilder b = new StringBuilder("<h1>Compare two models</h1>\n<form class=\"filters\" method=\"get\" action=\"/compare\">\n")
                .append(Layout.select("a", "model", null, models, a == null ? "davinci" : a))
                .append(Layout.select("b", "with", null, models, bm == null ? "code-davinci-002" : bm))
                .append("<button type=\"submit\">Compare</button></form>\n");
        if (a == null || bm == null) {
            return page("Compare", "/compare", b.append("<p class=\"muted\">Pick two models: their training differences, their "
                    + "ability differences, and for each ability difference the training difference that explains it.</p>\n").toString(), null, null);
        }
        var c = queries.compare(r, p);
        b.append("<div class=\"compare\">\n").append(html(r, c)).append("</div>\n");
        return page(c.a() + " vs " + c.b(), "/compare", b.toString(), List.of("compare", c.a(), c.b()), "/api/compare?" + query(p, "a", "b"));
    }

    String whatIf(Reasoning r, Params p) {
        List<String> models = r.kb().models().stream().map(ModelRecord::id).toList();
        StringBuilder b = new StringBuilder("<h1>What if…</h1>\n<form class=\"filters\" method=\"get\" action=\"/what-if\">\n")
                .append(Layout.select("model", "model", null, models, p.optional("model") == null ? "text-davinci-003" : p.optional("model")))
                .append("<button type=\"submit\">Choose</button></form>\n");
        if (p.optional("model") == null) {
            return page("What-if", "/what-if", b.append("<p class=\"muted\">Choose a model, then leave out its stages or take another "
                    + "side of its disputes: only the conclusions that change are shown, for it and every model trained from it.</p>\n")
                    .toString(), null, null);
        }
        ModelRecord m = r.kb().require(org.origins.kb.Names.model(r.kb(), p.optional("model")));
        b.append("<form id=\"what-if\" class=\"what-if\" data-result=\"/fragment/what-if\">\n<input type=\"hidden\" name=\"model\" value=\"")
                .append(esc(m.id())).append("\">\n<fieldset><legend>Its own stages (unticked: left out)</legend>\n");
        List<String> without = p.all("without-stage");
        if (m.stages().isEmpty()) {
            b.append("<p class=\"muted\">none: it inherits all its training (see its ancestors' what-if)</p>\n");
        }
        for (StageRecord s : m.stages()) {
            String n = String.valueOf(s.order());
            b.append("<label class=\"stage\"><input type=\"checkbox\" data-without=\"").append(n).append('"')
                    .append(without.contains(n) || without.contains(s.kind()) ? "" : " checked").append("> ")
                    .append(esc(m.id() + "#" + n + " " + s.kind())).append(s.isPresent() ? "" : " <span class=\"muted\">(disputed, not assumed)</span>")
                    .append("</label>\n");
        }
        b.append("</fieldset>\n");
        List<Disputes.Dispute> disputes = queries.disputes(r).disputes().stream().filter(d -> d.model().equals(m.id())).toList();
        if (!disputes.isEmpty()) {
            b.append("<fieldset><legend>Its disputed facts: which source to believe</legend>\n");
            List<String> sets = p.all("set");
            for (Disputes.Dispute d : disputes) {
                b.append("<div class=\"dispute\"><b>").append(esc(d.field())).append("</b> ");
                b.append("<label><input type=\"radio\" name=\"").append(esc(d.field())).append("\" value=\"\" checked> ")
                        .append(esc(d.chosen())).append(" <span class=\"muted\">(").append(esc(d.chosenSource())).append(", as chosen)</span></label>\n");
                for (Disputes.Alternative a : d.alternatives()) {
                    String set = setOf(m.id(), a.assume());
                    b.append("<label><input type=\"radio\" name=\"").append(esc(d.field())).append("\" data-set=\"").append(esc(set)).append('"')
                            .append(sets.contains(set) ? " checked" : "").append("> ").append(esc(a.value()))
                            .append(" <span class=\"muted\">(").append(esc(a.source())).append(")</span></label>\n");
                }
                b.append("</div>\n");
            }
            b.append("</fieldset>\n");
        }
        b.append("</form>\n<div id=\"result\" class=\"result\">\n").append(whatIfFragment(r, p)).append("</div>\n");
        return page("What if " + m.id(), "/what-if", b.toString(), null, null);
    }

    /** A dispute's alternative as what-if's {@code --set}: {@code FIELD=VALUE}, or {@code #N.FIELD=VALUE} for a stage's. */
    private static String setOf(String model, String assume) {
        return assume.startsWith(model + "#") ? assume.substring(model.length()) : assume.substring(model.length() + 1);
    }

    /** The conclusions a change makes, or what to do when nothing is changed yet. */
    String whatIfFragment(Reasoning r, Params p) {
        if (p.all("without-stage").isEmpty() && p.all("with-stage").isEmpty() && p.all("set").isEmpty()) {
            return "<p class=\"muted\">Untick a stage or choose another side of a dispute: the conclusions that change appear here.</p>\n";
        }
        var w = queries.whatIf(r, p);
        List<String> cli = new ArrayList<>(List.of("what-if", w.model()));
        p.all("without-stage").forEach(x -> addOption(cli, "--without-stage", x));
        p.all("with-stage").forEach(x -> addOption(cli, "--with-stage", x));
        p.all("set").forEach(x -> addOption(cli, "--set", x));
        return html(r, w) + "<p class=\"muted\">In the terminal: <code>" + esc(Layout.command(cli)) + "</code> · <a href=\"/api/what-if?"
                + esc(query(p, "model", "without-stage", "with-stage", "set")) + "\">JSON</a></p>\n";
    }

    // ---- recipe ---------------------------------------------------------------------------------

    String recipe(Reasoning r, Params p) {
        KnowledgeBase kb = r.kb();
        StringBuilder kinds = new StringBuilder("{");
        for (StageKind k : kb.stageKinds().values()) {
            if (!k.isAbstract()) {
                kinds.append(kinds.length() > 1 ? "," : "").append(json(k.id())).append(":[");
                kinds.append(String.join(",", k.attributes().stream().map(Pages::json).toList())).append(']');
            }
        }
        kinds.append('}');
        List<String> models = new ArrayList<>(List.of(""));
        kb.models().forEach(m -> models.add(m.id()));
        StringBuilder b = new StringBuilder("<h1>A recipe for a model of your own</h1>\n")
                .append("<p class=\"muted\">The same rules as for the real models predict its abilities as you type. Numbers take units: "
                        + "70B, 2T, 500M; 77K; 10%.</p>\n")
                .append("<form id=\"recipe\" class=\"recipe\" data-result=\"/fragment/predict\">\n")
                .append("<label>id <input name=\"name\" id=\"f-name\" required value=\"").append(esc(Objects.toString(p.optional("name"), "my-model")))
                .append("\" pattern=\"[a-z0-9][a-z0-9._-]*\"></label>\n")
                .append(Layout.choice("parent", "parent", models.stream().map(x -> List.of(x, x.isEmpty() ? "none (from scratch)" : x)).toList(),
                        Objects.toString(p.optional("parent"), "opt-175b")))
                .append("<label>size <input name=\"parameters\" id=\"f-parameters\" placeholder=\"its parent's, or 70B\" value=\"")
                .append(esc(Objects.toString(p.optional("parameters"), ""))).append("\"></label>\n")
                .append("<fieldset id=\"stages\"><legend>Its own training stages, in order</legend></fieldset>\n")
                .append("<p><button type=\"button\" id=\"add-stage\">add a stage</button></p>\n")
                .append(Layout.choice("explain", "explain", abilities(kb), p.optional("explain")))
                .append("<p><button type=\"button\" id=\"save\"").append(allowEdit ? "" : " disabled").append(">Save it to facts/hypothetical/</button> ")
                .append(allowEdit ? "<span class=\"muted\">(as <code>origins add</code> does: validated, written at once)</span>"
                        : "<span class=\"muted\">read-only: start <code>origins serve --allow-edit</code> to save</span>")
                .append(" <span id=\"saved\" role=\"status\"></span></p>\n")
                .append("<script type=\"application/json\" id=\"kinds\">").append(kinds).append("</script>\n")
                .append("<script type=\"application/json\" id=\"initial-stages\">[")
                .append(String.join(",", (p.all("stage").isEmpty() ? List.of("code-training:tokens=100B,codeShare=30%") : p.all("stage"))
                        .stream().map(Pages::json).toList())).append("]</script>\n")
                .append("</form>\n<div id=\"result\" class=\"result\" aria-live=\"polite\"></div>\n");
        return page("Recipe", "/recipe", b.toString(), null, null);
    }

    /** The prediction for a recipe, with the command line that gives it. */
    String predictFragment(Reasoning r, Params p) {
        var prediction = queries.predict(r, p);
        List<String> cli = new ArrayList<>(List.of("predict", "--name", p.required("name", "the new model's id")));
        addOption(cli, "--parent", p.optional("parent"));
        addOption(cli, "--parameters", p.optional("parameters"));
        p.all("stage").forEach(s -> addOption(cli, "--stage", s));
        addOption(cli, "--explain", p.optional("explain"));
        // the model is not in the knowledge base the pages answer from: its document links nowhere
        return "<p class=\"muted\">In the terminal: <code>" + esc(Layout.command(cli)) + "</code> · <a href=\"/api/predict?"
                + esc(query(p, "name", "parent", "parameters", "stage", "explain")) + "\">JSON</a></p>\n"
                + new HtmlWriter().fragment(Documents.of(prediction).blocks());
    }

    // ---- rules ----------------------------------------------------------------------------------

    String rules(Reasoning r) {
        TestReport tests = queries.test(r);
        String body = "<h1>Rules</h1>\n<p><a href=\"#scenarios\">The analysts' scenarios</a>: " + tests.passed() + " passed, "
                + "<span class=\"" + (tests.failed() == 0 ? "" : "warn") + "\">" + tests.failed() + " failed</span>.</p>\n"
                + "<div class=\"rules\">\n" + html(r, queries.rules(r)) + "</div>\n<h2 id=\"scenarios\">Scenarios</h2>\n"
                + "<p class=\"muted\">rules/tests/*.yaml, run against the rules and facts as loaded.</p>\n<div class=\"tests\">\n"
                + html(r, tests) + "</div>\n";
        return page("Rules", "/rules", body, List.of("rules"), "/api/rules");
    }

    // ---- errors ---------------------------------------------------------------------------------

    /** A page that says what was wrong with the request, as the command line says it. */
    String badInput(List<String> messages) {
        StringBuilder b = new StringBuilder("<h1>That cannot be answered</h1>\n<pre class=\"error\">");
        messages.forEach(m -> b.append(esc(m)).append('\n'));
        return page("Bad request", null, b.append("</pre>\n").toString(), null, null);
    }

    String notFound(String path) {
        return page("Not found", null, "<h1>No such page</h1>\n<p>Nothing is at <code>" + esc(path) + "</code>. The pages are above; "
                + "the JSON API is described in docs/web.md.</p>\n", null, null);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> names(KnowledgeBase kb, Function<ModelRecord, String> of) {
        return List.copyOf(new TreeSet<>(kb.models().stream().map(of).filter(Objects::nonNull).toList()));
    }

    private static List<List<String>> abilities(KnowledgeBase kb) {
        List<List<String>> out = new ArrayList<>(List.of(List.of("", "(no ability)")));
        for (Ability a : kb.abilities()) {
            out.add(List.of(a.id(), a.id()));
        }
        return out;
    }

    private static void addOption(List<String> words, String option, String value) {
        if (value != null) {
            words.add(option);
            words.add(value);
        }
    }

    /** The query string of the named parameters as given. */
    static String query(Params p, String... names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            for (String v : p.all(n)) {
                parts.add(Links.enc(n) + "=" + Links.enc(v));
            }
        }
        return String.join("&", parts);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }
}
