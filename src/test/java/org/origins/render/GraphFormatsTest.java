package org.origins.render;

import org.origins.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.origins.TestKit;
import org.origins.explain.AbilityProof;
import org.origins.explain.Answer;
import org.origins.explain.EvolutionTree;
import org.origins.explain.LineageQuery;
import org.origins.explain.MatrixQuery;
import org.origins.explain.WhyQuery;
import org.origins.render.answers.Documents;
import org.origins.render.answers.Drawings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --format mermaid, dot and markdown: the structure of the graphs, and the same bytes for the same input. */
class GraphFormatsTest {

    private static AbilityProof chatgptDialogue() {
        return WhyQuery.why(TestKit.reasoning(), "chatgpt", "dialogue", 50);
    }

    private static String mermaid(Answer a) {
        return MermaidWriter.write(Drawings.of(a).orElseThrow());
    }

    private static String dot(Answer a) {
        return DotWriter.write(Drawings.of(a).orElseThrow());
    }

    private static String markdown(Answer a) {
        return new MarkdownWriter().write(Documents.of(a));
    }

    private static List<String> lines(String s) {
        return Arrays.asList(s.split("\n"));
    }

    // ---- why chatgpt dialogue: the proof graph --------------------------------------------------------------

    @Test
    void mermaidProofGraphShapesFactsDerivedFactsAndRulesApart() {
        String m = mermaid(chatgptDialogue());

        assertThat(m).startsWith("%% chatgpt · dialogue: strong (hypothesis)\nflowchart BT\n");
        // the conclusion: a double box, coloured by its level
        assertThat(m).contains("    goal[[\"chatgpt · dialogue<br/>modelling dialogue context<br/>strong ++ · hypothesis\"]]\n")
                .contains("    class goal lvl_strong\n");
        // derived facts (the steps and the ordering fact) are stadiums
        assertThat(m).contains("    s1([\"chatgpt#35;1 dialogue-tuning<br/>gives present: none → present\"])\n")
                .contains("    s2([\"chatgpt#35;2 rlhf-ppo<br/>gives strong: present → strong\"])\n")
                .contains("    f3([\"[3] order: chatgpt#35;1 dialogue-tuning comes before chatgpt#35;2 rlhf-ppo\"])\n");
        // rules are hexagons with their ids
        assertThat(m).contains("    r1{{\"rule dialogue.tuning-gives-dialogue<br/>ESSAY §5; CHATGPT_BLOG\"}}\n")
                .contains("    r2{{\"rule dialogue.rlhf-gives-strong-dialogue<br/>ESSAY §4, §5\"}}\n")
                .contains("    r3{{\"rule lineage.earlier-own-stage<br/>ESSAY §2\"}}\n");
        // stated facts are rectangles, with their source
        assertThat(m).contains("    f1[\"[1] stage chatgpt#35;1 dialogue-tuning<br/>kind = dialogue-tuning<br/>CHATGPT_BLOG\"]\n");
        assertThat(m).contains("    class f1,f2,p1,p2 stated\n", "    class s1,s2,f3 derived\n", "    class r1,r2,r3 rule\n");
        // grades label the edges: the rule's grade on rule → step, the step's on step → conclusion
        assertThat(m).contains("    r2 -->|\"hypothesis\"| s2\n", "    s2 -->|\"hypothesis\"| goal\n",
                "    r1 -->|\"conclusion\"| s1\n", "    f1 -->|\"conclusion\"| r1\n");
        // a fact used twice is one node with two edges
        assertThat(m).contains("    f1 --> r3\n", "    f2 --> r3\n");
        // the disputed parent link is marked: dashed class, red edge, the alternative named
        assertThat(m).contains("    p3[\"parent: chatgpt ← text-davinci-002<br/>ESSAY figure, inferred<br/>"
                + "DISPUTED; also stated: code-davinci-002 (ESSAY §2, inferred)\"]\n").contains("    class p3 disputed\n");
        assertThat(lines(m)).anyMatch(l -> l.startsWith("    linkStyle ") && l.endsWith(" stroke:#c62828,color:#c62828"));
    }

    @Test
    void dotProofGraphShapesFactsDerivedFactsAndRulesApart() {
        String d = dot(chatgptDialogue());

        assertThat(d).startsWith("digraph \"origins\" {\n").endsWith("}\n").contains("rankdir=BT");
        assertThat(d).contains("\"goal\" [shape=box, peripheries=2, fontcolor=\"#ffffff\", style=\"filled,rounded,bold\", "
                + "fillcolor=\"#2e7d32\", label=\"chatgpt · dialogue\\nmodelling dialogue context\\nstrong ++ · hypothesis\"];");
        assertThat(d).contains("\"s1\" [shape=ellipse, style=\"filled\", fillcolor=\"#e3f2fd\", label=\"chatgpt#1 dialogue-tuning\\n"
                + "gives present: none → present\"];");
        assertThat(d).contains("\"r2\" [shape=hexagon, style=\"filled\", fillcolor=\"#f3e5f5\", "
                + "label=\"rule dialogue.rlhf-gives-strong-dialogue\\nESSAY §4, §5\"];");
        assertThat(d).contains("\"f1\" [shape=box, style=\"filled\", label=\"[1] stage chatgpt#1 dialogue-tuning\\n"
                + "kind = dialogue-tuning\\nCHATGPT_BLOG\"];");
        assertThat(d).contains("\"r2\" -> \"s2\" [label=\"hypothesis\"];", "\"s1\" -> \"goal\" [label=\"conclusion\"];",
                "\"f2\" -> \"r3\";", "\"f1\" -> \"r3\";");
        // the disputed premise: dashed red box, dashed red edge
        assertThat(d).contains("\"p3\" [shape=box, color=\"#c62828\", penwidth=2, style=\"filled,dashed\", label=\"parent: chatgpt "
                + "← text-davinci-002\\nESSAY figure, inferred\\nDISPUTED; also stated: code-davinci-002 (ESSAY §2, inferred)\"];");
        assertThat(d).contains("\"p3\" -> \"goal\" [label=\"lineage\", style=dashed, color=\"#c62828\", fontcolor=\"#c62828\"];");
        assertThat(d).contains("\"p2\" -> \"goal\" [label=\"lineage\", style=dashed];");
    }

    @Test
    void aDisputedFieldOfAStatedPremiseIsMarked() {
        // palm-540b's code share is disputed (8% or 5%); the proof of its chain-of-thought uses it
        AbilityProof p = WhyQuery.why(TestKit.essayReasoning(), "palm-540b", "chain-of-thought", 50); // the essay's rule reads the share
        String m = mermaid(p);
        String d = dot(p);

        assertThat(m).contains("codeShare = ").contains("DISPUTED; also stated:");
        assertThat(lines(m)).anyMatch(l -> l.startsWith("    class ") && l.endsWith(" disputed"));
        assertThat(lines(d)).anyMatch(l -> l.contains("style=\"filled,dashed\"") && l.contains("codeShare = ") && l.contains("DISPUTED"));
    }

    // ---- lineage ----------------------------------------------------------------------------------------

    @Test
    void lineageQueryPutsStagesOnEdgesAndKeepsTheAlternativeParents() {
        EvolutionTree l = LineageQuery.of(TestKit.kb());

        EvolutionTree.ParentEdge chosen = l.edges().stream().filter(e -> e.child().equals("text-davinci-003") && e.chosen()).findFirst().orElseThrow();
        assertThat(chosen.parent()).isEqualTo("text-davinci-002");
        assertThat(chosen.disputed()).isTrue();
        assertThat(chosen.stages()).extracting(EvolutionTree.StageEntry::kind).containsExactly("rlhf-ppo", "rlhf-ppo-with-lm-mix");
        assertThat(l.edges()).anySatisfy(e -> {
            assertThat(e.child()).isEqualTo("chatgpt");
            assertThat(e.parent()).isEqualTo("code-davinci-002");
            assertThat(e.chosen()).isFalse();
            assertThat(e.source()).isEqualTo("ESSAY §2");
        });
        EvolutionTree.ModelNode davinci = l.models().stream().filter(n -> n.id().equals("davinci")).findFirst().orElseThrow();
        assertThat(davinci.root()).isTrue();
        assertThat(davinci.stages()).extracting(EvolutionTree.StageEntry::kind).containsExactly("pretraining");
        assertThat(l.edges()).filteredOn(e -> e.child().equals("text-davinci-002")).singleElement()
                .satisfies(e -> assertThat(e.disputed()).isFalse());
    }

    @Test
    void lineageMermaidDashesTheDisputedParentsOfTextDavinci003AndChatgpt() {
        String m = Cli.run("lineage", "--format", "mermaid").ok().out();

        assertThat(m).contains("flowchart LR\n");
        assertThat(m).contains("    m_text_davinci_002 -.->|\"rlhf-ppo<br/>rlhf-ppo-with-lm-mix (inferred)<br/>"
                + "disputed parent: MODEL_INDEX, published\"| m_text_davinci_003\n");
        assertThat(m).contains("    m_code_davinci_002 -.->|\"also stated: ESSAY §2, inferred\"| m_text_davinci_003\n");
        assertThat(m).contains("    m_text_davinci_002 -.->|\"dialogue-tuning<br/>rlhf-ppo<br/>disputed parent: ESSAY figure, inferred\"| m_chatgpt\n");
        assertThat(m).contains("    m_code_davinci_002 -.->|\"also stated: ESSAY §2, inferred\"| m_chatgpt\n");
        // undisputed links are solid, with the child's stages
        assertThat(m).contains("    m_code_davinci_002 -->|\"feedme\"| m_text_davinci_002\n");
        // roots carry their own stages
        assertThat(m).contains("    m_davinci(\"davinci<br/>GPT-3 Initial<br/>175B<br/>stages: pretraining\")\n");
        assertThat(m).doesNotContain("subgraph");
    }

    @Test
    void lineageDotDashesTheDisputedParentsOfTextDavinci003AndChatgpt() {
        String d = Cli.run("lineage", "--format", "dot").ok().out();

        assertThat(d).contains("\"m_text_davinci_002\" -> \"m_text_davinci_003\" [label=\"rlhf-ppo\\nrlhf-ppo-with-lm-mix (inferred)\\n"
                + "disputed parent: MODEL_INDEX, published\", style=dashed, color=\"#c62828\", fontcolor=\"#c62828\"];");
        assertThat(d).contains("\"m_code_davinci_002\" -> \"m_text_davinci_003\" [label=\"also stated: ESSAY §2, inferred\", style=dashed,");
        assertThat(d).contains("\"m_text_davinci_002\" -> \"m_chatgpt\" [label=\"dialogue-tuning\\nrlhf-ppo\\n"
                + "disputed parent: ESSAY figure, inferred\", style=dashed,");
        assertThat(d).contains("\"m_code_davinci_002\" -> \"m_chatgpt\" [label=\"also stated: ESSAY §2, inferred\", style=dashed,");
        assertThat(d).contains("\"m_code_davinci_002\" -> \"m_text_davinci_002\" [label=\"feedme\"];");
        assertThat(d).doesNotContain("cluster_");
    }

    @Test
    void hypotheticalModelsAreDrawnApart(@TempDir Path tmp) {
        Path with = Cli.write(tmp.resolve("hyp.yaml"), org.origins.TestKit.TWO_HYPOTHETICAL_MODELS);

        String m = Cli.run("lineage", "--format", "mermaid", "--with", with.toString()).ok().out();
        String sub = Cli.block(m, "    subgraph hypothetical[\"hypothetical models (predicted, not observed)\"]", "    end");
        assertThat(sub).contains("m_opt_code(\"opt-code<br/>hypothetical\")", "m_opt_code_inst(\"opt-code-inst<br/>hypothetical\")")
                .doesNotContain("m_opt_175b(");
        // a hypothetical model's stages are the user's own: inferred
        assertThat(m).contains("    m_opt_175b -->|\"code-training (inferred)\"| m_opt_code\n")
                .contains("    class m_opt_code,m_opt_code_inst hypothetical\n")
                .contains("    style hypothetical ");

        String d = Cli.run("lineage", "--format", "dot", "--with", with.toString()).ok().out();
        String cluster = Cli.block(d, "    subgraph \"cluster_hypothetical\" {", "    }");
        assertThat(cluster).contains("\"m_opt_code\" [", "\"m_opt_code_inst\" [", "style=\"dashed,filled\"")
                .doesNotContain("\"m_opt_175b\" [");
        assertThat(lines(cluster)).filteredOn(l -> l.contains("\"m_opt_code\" ["))
                .singleElement().asString().contains("style=\"filled,rounded,dashed\"");

        String text = Cli.run("lineage", "--with", with.toString()).ok().out();
        assertThat(text).contains("opt-code  (hypothetical)").contains((org.origins.TestKit.realModelCount() + 2) + " models, 2 hypothetical");
    }

    // ---- other answers ------------------------------------------------------------------------------------

    @Test
    void theMatrixIsABlockGridInMermaidATableInDotAndMarkdown() {
        var matrix = MatrixQuery.of(TestKit.reasoning());

        String m = mermaid(matrix);
        assertThat(m).contains("block-beta\n    columns 15\n").containsPattern("    r\\d+\\[\"chatgpt\"\\]").contains("classDef lvl_strong ");
        String d = dot(matrix);
        assertThat(d).contains("<TABLE").contains("TOOLTIP=\"chatgpt · dialogue: strong (hypothesis)\"").contains("BGCOLOR=\"#2e7d32\"");
        String md = markdown(matrix);
        assertThat(md).contains("|  | GEN | KNOW |").contains("| --- | :-: |")
                .containsPattern("\\| <a id=\"model-chatgpt\"></a>chatgpt \\|.*🟩🟩 \\+\\+<sub>H</sub> \\|\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mermaid", "dot", "markdown"})
    void whyNotCompareAndWhatIfHaveEveryGraphFormat(String format) {
        String wn = Cli.run("why-not", "davinci", "chain-of-thought", "--format", format, "--view", "essay").ok().out();
        String cmp = Cli.run("compare", "code-davinci-002", "davinci", "--format", format).ok().out();
        String wi = Cli.run("what-if", "text-davinci-003", "--without-stage", "rlhf-ppo-with-lm-mix", "--format", format).ok().out();

        assertThat(wn).contains("code.training-gives-chain-of-thought").contains("blocked");
        assertThat(cmp).contains("code-understanding").contains("code-training").contains("code-davinci-002");
        assertThat(wi).contains("in-context-learning").contains("rlhf.lm-mix-restores-in-context-learning");
        if (format.equals("dot")) {
            assertThat(List.of(wn, cmp, wi)).allSatisfy(s -> assertThat(s).startsWith("digraph").endsWith("}\n"));
            assertThat(wn).contains("shape=parallelogram").contains("\"c1_1\" -> \"r1\" [label=\"no match\", style=dashed];");
        } else if (format.equals("mermaid")) {
            assertThat(List.of(wn, cmp, wi)).allSatisfy(s -> assertThat(s).startsWith("%% ").contains("\nflowchart "));
        } else {
            assertThat(List.of(wn, cmp, wi)).allSatisfy(s -> assertThat(s).startsWith("## ").contains("```mermaid\n%% ").contains("\n```\n"));
            assertThat(wn).contains("\n- ✗ **code.training-gives-chain-of-thought**  *(hypothesis)*  gives weak — blocked\n");
        }
    }

    @Test
    void markdownWhyEmbedsTheMermaidGraphAndTheProof() {
        String md = Cli.run("why", "chatgpt", "dialogue", "--format", "markdown").ok().out();

        assertThat(md).startsWith("## chatgpt · dialogue (modelling dialogue context / 对话): strong ++   grade: hypothesis\n");
        assertThat(md).contains("```mermaid\n%% chatgpt · dialogue: strong (hypothesis)\nflowchart BT\n");
        assertThat(md).contains("\n- chatgpt#1 dialogue-tuning: **gives present**   none → present   *(conclusion)*\n")
                .contains("\n  - rule **dialogue.tuning-gives-dialogue**  *(conclusion)*<br>");
        assertThat(md).contains(" **DISPUTED; also stated: code-davinci-002 (ESSAY §2, inferred)**");
    }

    @Test
    void everyAnswerHasAMarkdownForm() {
        String md = Cli.run("models", "--format", "markdown").ok().out();

        assertThat(md).startsWith("## t5-11b — T5 (11B)\n\n|  |  |\n| --- | --- |\n| parent: | none (trained from scratch) |\n")
                .endsWith("\n" + org.origins.TestKit.realModelCount() + " models\n").doesNotContain("\u001b[").doesNotContain("```");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mermaid", "dot"})
    void commandsWithoutAGraphSaySoWithExitTwo(String format) {
        Cli.Result r = Cli.run("models", "--format", format).badInput();

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--format " + format + ": `models` has no graph to draw")
                .contains("why, why-not, compare, what-if, matrix and lineage");
        Cli.run("abilities", "davinci", "--format", format).badInput();
        Cli.run("report", "--format", format).badInput();
    }

    // ---- determinism ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "why chatgpt dialogue --format mermaid",
            "why chatgpt dialogue --format dot",
            "why text-davinci-003 in-context-learning --format markdown",
            "lineage --format mermaid",
            "lineage --format dot",
            "lineage --format markdown",
            "matrix --format mermaid",
            "matrix --format dot",
            "matrix --format markdown --observed",
            "why-not davinci chain-of-thought --format dot",
            "compare chatgpt text-davinci-003 --format mermaid",
            "what-if code-davinci-002 --without-stage code-training --format dot"})
    void theSameInputGivesTheSameBytes(String command) {
        String[] args = command.split(" ");
        String first = Cli.run(args).ok().out();
        String second = Cli.run(args).ok().out();

        assertThat(first).isNotBlank();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void renderingTheSameAnswerTwiceGivesTheSameBytes() {
        AbilityProof a = chatgptDialogue();
        AbilityProof b = WhyQuery.why(TestKit.reasoning(), "chatgpt", "dialogue", 50);
        EvolutionTree l = LineageQuery.of(TestKit.kb());

        assertThat(mermaid(b)).isEqualTo(mermaid(a));
        assertThat(dot(b)).isEqualTo(dot(a));
        assertThat(markdown(b)).isEqualTo(markdown(a));
        assertThat(dot(LineageQuery.of(TestKit.kb()))).isEqualTo(dot(l));
    }
}
