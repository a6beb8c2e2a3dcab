/**
 * What every layer uses to deal with input and files: a {@link org.origins.io.Problem} in an input
 * (file, line, column, JSON pointer, message) and the {@link org.origins.io.InputException} that
 * carries them to the command line (exit 2), "did you mean" suggestions, paths as a user is shown
 * them, and atomic file writes. Depends on nothing else of origins.
 */
package org.origins.io;
