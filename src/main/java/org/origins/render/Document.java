package org.origins.render;

import java.util.ArrayList;
import java.util.List;

/**
 * What an answer says, as headings, paragraphs, lists, tables, trees and diagrams of styled text:
 * made once from the answer ({@link org.origins.render.answers.Documents}) and written as text
 * ({@link TextWriter}), Markdown ({@link MarkdownWriter}) or HTML ({@link HtmlWriter}), so that the
 * formats cannot disagree. A document is a value: writing it twice gives the same bytes.
 */
public record Document(List<Block> blocks) {
    public Document {
        blocks = List.copyOf(blocks);
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder add(Block b) {
            blocks.add(b);
            return this;
        }

        public Builder addAll(Document d) {
            blocks.addAll(d.blocks());
            return this;
        }

        public Builder heading(int level, String id, Line text) {
            return add(new Block.Heading(level, id, text.spans()));
        }

        public Builder paragraph(Line text) {
            return add(new Block.Paragraph(text.spans()));
        }

        public Builder paragraph(String text) {
            return paragraph(Line.of(text));
        }

        /** A list of lines without children (on a terminal, each at {@code indent}). */
        public Builder lines(int indent, List<Line> lines) {
            if (!lines.isEmpty()) {
                add(new Block.Items(indent, 0, false, lines.stream().map(l -> new Block.Item(l.spans(), List.of())).toList()));
            }
            return this;
        }

        public Builder gap() {
            return add(new Block.Gap());
        }

        public Document build() {
            return new Document(blocks);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
