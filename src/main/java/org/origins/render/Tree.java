package org.origins.render;

import java.util.ArrayList;
import java.util.List;

/** A text tree: nodes with lines of their own and children, printed with box-drawing guides. */
final class Tree {
    final List<String> lines = new ArrayList<>();
    final List<Tree> children = new ArrayList<>();

    Tree(String first) {
        lines.add(first);
    }

    Tree line(String text) {
        lines.add(text);
        return this;
    }

    Tree child(String first) {
        Tree t = new Tree(first);
        children.add(t);
        return t;
    }

    void print(StringBuilder out, String prefix, boolean root, boolean last) {
        String head = root ? "" : prefix + (last ? "└─ " : "├─ ");
        String cont = root ? "" : prefix + (last ? "   " : "│  ");
        out.append(head).append(lines.get(0)).append('\n');
        String childGuide = children.isEmpty() ? "   " : "│  ";
        for (int i = 1; i < lines.size(); i++) {
            out.append(cont).append(childGuide).append(lines.get(i)).append('\n');
        }
        for (int i = 0; i < children.size(); i++) {
            children.get(i).print(out, cont, false, i == children.size() - 1);
        }
    }

    String render() {
        StringBuilder b = new StringBuilder();
        print(b, "", true, true);
        return b.toString();
    }
}
