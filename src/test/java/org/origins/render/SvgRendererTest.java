package org.origins.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.explain.AbilityProof;
import org.origins.explain.Lineage;
import org.origins.explain.LineageQuery;
import org.origins.explain.MatrixQuery;
import org.origins.explain.WhyNotQuery;
import org.origins.explain.WhyQuery;
import org.origins.kb.Level;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SVG drawn without Graphviz: well-formed XML, the DOT form's shapes per kind of node, disputed
 * edges dashed and red, hypothetical models in a box of their own, ids, data and titles per node,
 * text escaped, the same bytes for the same answer.
 */
class SvgRendererTest {

    private static AbilityProof chatgptDialogue() {
        return WhyQuery.why(TestKit.reasoning(), "chatgpt", "dialogue", 50);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The node groups of a drawing by their graph id. */
    private static Map<String, Element> nodes(Document d) {
        Map<String, Element> out = new LinkedHashMap<>();
        NodeList gs = d.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").startsWith("og-node")) {
                out.put(g.getAttribute("data-node"), g);
            }
        }
        return out;
    }

    /** The first child element of a node group that draws its outline. */
    private static Element shape(Element node) {
        NodeList all = node.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals("og-shape")) {
                return e;
            }
        }
        throw new AssertionError("no shape in " + node.getAttribute("id"));
    }

    private static double[] box(Element rect) {
        return new double[]{Double.parseDouble(rect.getAttribute("x")), Double.parseDouble(rect.getAttribute("y")),
                Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height"))};
    }

    @Test
    void aProofGraphHasTheShapesOfTheDotForm() throws Exception {
        String svg = SvgRenderer.render(chatgptDialogue());
        Document d = parse(svg);
        Map<String, Element> nodes = nodes(d);

        // the conclusion: a double rounded box filled by its level, the level's word and sign in its label
        Element goal = nodes.get("goal");
        assertThat(goal.getAttribute("class")).isEqualTo("og-node og-k-goal og-l-strong");
        assertThat(goal.getAttribute("data-level")).isEqualTo("strong");
        assertThat(goal.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(2);
        assertThat(goal.getTextContent()).contains("strong ++ · hypothesis");
        // derived facts are ellipses, rules hexagons, stated facts plain boxes
        assertThat(shape(nodes.get("s1")).getLocalName()).isEqualTo("ellipse");
        assertThat(shape(nodes.get("f3")).getLocalName()).isEqualTo("ellipse");
        Element rule = shape(nodes.get("r2"));
        assertThat(rule.getLocalName()).isEqualTo("polygon");
        assertThat(rule.getAttribute("points").split(" ")).hasSize(6);
        assertThat(shape(nodes.get("f1")).getLocalName()).isEqualTo("rect");
        assertThat(shape(nodes.get("f1")).hasAttribute("rx")).isFalse();
        // every node says what it is on hover, and carries its id and data
        assertThat(nodes.values()).allSatisfy(n -> {
            assertThat(n.getAttribute("id")).startsWith("g-");
            assertThat(((Element) n.getElementsByTagNameNS("*", "title").item(0)).getTextContent()).isNotBlank();
        });
        assertThat(nodes.get("r2").getAttribute("data-label")).isEqualTo("rule dialogue.rlhf-gives-strong-dialogue");
        // the disputed parent link: a red dashed box saying DISPUTED, and a dashed red edge
        Element disputed = nodes.get("p3");
        assertThat(disputed.getAttribute("class")).contains("og-disputed");
        assertThat(disputed.getTextContent()).contains("DISPUTED; also stated: code-davinci-002 (ESSAY §2, inferred)");
        assertThat(svg).contains("<g class=\"og-edge og-dashed og-disputed\" data-from=\"p3\" data-to=\"goal\">");
        assertThat(svg).contains("svg.og .og-dashed path{stroke-dasharray:5,3}")
                .contains("svg.og .og-edge.og-disputed path{stroke:#c62828}");
        // edges carry their grades
        assertThat(svg).contains("<title>rule dialogue.rlhf-gives-strong-dialogue → chatgpt#2 rlhf-ppo: hypothesis</title>");
    }

    @Test
    void whyNotDrawsConditionsAsParallelograms() throws Exception {
        var w = WhyNotQuery.whyNot(TestKit.reasoning(), "davinci", "chain-of-thought", null, 100_000);
        Map<String, Element> nodes = nodes(parse(SvgRenderer.render(w)));

        Element failed = nodes.get("c1_1");
        assertThat(failed.getAttribute("class")).isEqualTo("og-node og-k-failed");
        assertThat(shape(failed).getAttribute("points").split(" ")).hasSize(4);
        assertThat(nodes.get("r1").getAttribute("data-kind")).isEqualTo("rule");
    }

    @Test
    void theTreeLinksEachModelAndDashesTheDisputedParents() throws Exception {
        Lineage l = LineageQuery.of(TestKit.kb());
        String svg = SvgRenderer.lineage(l, true, "tree");
        Document d = parse(svg.replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "));

        Map<String, Element> nodes = nodes(d);
        assertThat(nodes).hasSize(TestKit.realModelCount());
        Element davinci = nodes.get("m_davinci");
        assertThat(davinci.getAttribute("id")).isEqualTo("tree-m_davinci");
        Element link = (Element) davinci.getElementsByTagNameNS("*", "a").item(0);
        assertThat(link.getAttribute("href")).isEqualTo("#model-davinci");
        assertThat(svg).contains("<g class=\"og-edge og-dashed og-disputed\" data-from=\"m_text_davinci_002\" data-to=\"m_chatgpt\">")
                .contains("<g class=\"og-edge og-dashed og-disputed\" data-from=\"m_code_davinci_002\" data-to=\"m_chatgpt\">")
                .contains(">also stated: ESSAY §2, inferred</text>");
    }

    @Test
    void hypotheticalModelsAreDrawnApartInTheirBox(@TempDir Path tmp) throws Exception {
        Path with = RenderCli.write(tmp.resolve("hyp.yaml"), RenderCli.HYPOTHETICAL);
        Path out = tmp.resolve("lineage.svg");
        RenderCli.run("lineage", "--with", with.toString(), "--render", "svg", "--out", out.toString()).ok();
        Document d = parse(RenderCli.read(out));

        NodeList gs = d.getElementsByTagNameNS("*", "g");
        Element clusterGroup = null;
        for (int i = 0; i < gs.getLength(); i++) {
            if (((Element) gs.item(i)).getAttribute("id").equals("g-cluster-hypothetical")) {
                clusterGroup = (Element) gs.item(i);
            }
        }
        assertThat(clusterGroup).isNotNull();
        double[] area = box((Element) clusterGroup.getElementsByTagNameNS("*", "rect").item(0));
        assertThat(clusterGroup.getTextContent()).contains("hypothetical models (predicted, not observed)");
        Map<String, Element> nodes = nodes(d);
        for (Map.Entry<String, Element> n : nodes.entrySet()) {
            double[] b = box(shape(n.getValue()));
            boolean inside = b[0] >= area[0] && b[1] >= area[1] && b[0] + b[2] <= area[0] + area[2] && b[1] + b[3] <= area[1] + area[3];
            boolean hypothetical = n.getValue().getAttribute("data-hypothetical").equals("true");
            assertThat(inside).as("%s inside the hypothetical box", n.getKey()).isEqualTo(hypothetical);
            if (!hypothetical) {
                boolean apart = b[0] + b[2] <= area[0] || area[0] + area[2] <= b[0] || b[1] + b[3] <= area[1] || area[1] + area[3] <= b[1];
                assertThat(apart).as("%s clear of the hypothetical box", n.getKey()).isTrue();
            }
        }
        assertThat(nodes.get("m_opt_code").getAttribute("class")).isEqualTo("og-node og-k-model og-hyp og-hyp-fill");
    }

    @Test
    void textIsEscapedAndTheFileIsWellFormed() throws Exception {
        String nasty = "<script>alert('x')</script> & \"quotes\" \u0007bell";
        Lineage l = new Lineage(Lineage.SCHEMA, List.of(
                new Lineage.Node("root<&>", nasty, "1B", false, true, false, null, 0, nasty, List.of()),
                new Lineage.Node("child\"", "c", null, true, false, false, "root<&>", 1, null, List.of())),
                List.of(new Lineage.Edge("root<&>", "child\"", true, false, nasty, "inferred", List.of())));

        String svg = SvgRenderer.render(l);
        Document d = parse(svg);

        assertThat(svg).doesNotContain("<script").doesNotContain("\u0007").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(d.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & \"quotes\"");
        assertThat(nodes(d).keySet()).hasSize(2).allSatisfy(id -> assertThat(id).matches("m_[A-Za-z0-9_]+"));
    }

    @Test
    void theMatrixIsAGridOfLevelsWithTheirSigns() throws Exception {
        String svg = SvgRenderer.render(MatrixQuery.of(TestKit.reasoning()));
        Document d = parse(svg);

        NodeList gs = d.getElementsByTagNameNS("*", "g");
        List<Element> cells = new ArrayList<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").startsWith("og-cell")) {
                cells.add(g);
            }
        }
        assertThat(cells).hasSize(TestKit.realModelCount() * 14);
        Element cell = cells.stream().filter(c -> c.getAttribute("data-model").equals("chatgpt")
                && c.getAttribute("data-ability").equals("dialogue")).findFirst().orElseThrow();
        assertThat(cell.getAttribute("class")).isEqualTo("og-cell og-l-strong");
        assertThat(cell.getTextContent()).contains("chatgpt · dialogue: strong (hypothesis)").contains(Level.STRONG.sign());
        assertThat(svg).contains("levels:  · none  − weak  + present  ++ strong");
    }

    @Test
    void theSameAnswerGivesTheSameBytes() {
        assertThat(SvgRenderer.render(chatgptDialogue())).isEqualTo(SvgRenderer.render(chatgptDialogue()));
        assertThat(SvgRenderer.lineage(LineageQuery.of(TestKit.kb()), true, "t"))
                .isEqualTo(SvgRenderer.lineage(LineageQuery.of(TestKit.kb()), true, "t"));
    }
}
