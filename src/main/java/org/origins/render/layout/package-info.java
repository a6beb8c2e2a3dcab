/**
 * A layered (Sugiyama-style) graph layout in plain Java, so that origins draws its pictures without
 * Graphviz: {@link org.origins.render.layout.LayoutGraph} in (node sizes, edges with label sizes,
 * clusters, a direction), {@link org.origins.render.layout.Layout} out (boxes, edge routes, label
 * places, cluster boxes). The steps, each in its own class: {@code Layering} (cycles broken by
 * reversing DFS back edges, longest-path layers then pulled tight), {@code Ordering} (barycenter
 * sweeps with transposition, the ordering with the fewest crossings kept), {@code Placement}
 * (Brandes–Köpf alignment in four directions, balanced), {@code Routing} (polylines through the
 * edges' dummy nodes, so no edge crosses a node).
 *
 * <p>Why not a library: Eclipse ELK's layered algorithm (0.10.0) resolves from Maven Central, but
 * brings nine jars (8.3 MB, Guava by an open version range, EMF) and costs 0.7–1.9 s on a cold
 * JVM before the first layout (its meta-data registry and EMF start-up), for graphs of 20–70
 * nodes that this code lays out in a few milliseconds.
 *
 * <p>Deterministic: no hashing order, no randomness, ties broken by the order nodes and edges were
 * added; the same graph gives the same numbers.
 */
package org.origins.render.layout;
