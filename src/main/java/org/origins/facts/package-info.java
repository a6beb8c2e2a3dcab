/**
 * The fact types rules see. Stated facts ({@link org.origins.facts.Model}, {@link org.origins.facts.Stage}) are
 * built from the knowledge base; derived facts ({@link org.origins.facts.Lineage}, {@link org.origins.facts.Earlier},
 * {@link org.origins.facts.Effect}, {@link org.origins.facts.Mechanism}, {@link org.origins.facts.BaseDoubt}) are
 * concluded by rules with {@code insertLogical}. All are immutable records with value equality.
 */
package org.origins.facts;
