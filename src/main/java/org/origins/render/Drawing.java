package org.origins.render;

/** What the graph formats draw of an answer: a {@link Graph}, or the matrix as a {@link Grid}. */
public sealed interface Drawing permits Graph, Grid {
}
