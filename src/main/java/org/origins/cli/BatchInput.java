package org.origins.cli;

import org.origins.io.InputException;
import org.origins.io.FilePaths;

import java.io.FilterInputStream;
import java.io.FilterWriter;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ends of {@code predict --batch}: what it may read, and a standard output whose failure stops it. */
final class BatchInput {
    private BatchInput() {
    }

    /**
     * A file, or anything else that can be read as a stream ({@code <(cat f)}, a FIFO, {@code /dev/stdin});
     * not a folder, and it must exist.
     */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException("--batch " + FilePaths.display(file) + " is a folder; give a JSON Lines file (one model a line), "
                    + "or - for standard input");
        }
        if (!Files.exists(file)) {
            throw new InputException(FilePaths.display(file) + ": file not found");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(FilePaths.display(file) + ": cannot read (permission denied)");
        }
    }

    /** The input stream, remembering its own failure (to tell a failed read from a failed write). */
    static final class Source extends FilterInputStream {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        IOException failure() {
            return failure;
        }
    }

    /** {@code out}, throwing once a write failed (a full disk, a closed pipe): the batch stops instead of running on for nothing. */
    static Writer failing(PrintWriter out) {
        return new FilterWriter(out) {
            @Override
            public void write(String s, int off, int len) throws IOException {
                super.write(s, off, len);
                failed();
            }

            @Override
            public void write(char[] c, int off, int len) throws IOException {
                super.write(c, off, len);
                failed();
            }

            @Override
            public void flush() throws IOException {
                super.flush();
                failed();
            }

            private void failed() throws IOException {
                if (out instanceof PrintWriter p && p.checkError()) {
                    throw new IOException("cannot write to standard output");
                }
            }
        };
    }
}
