package org.origins.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;

/**
 * The process's standard output, remembering the first write that failed (a full disk behind
 * {@code > file}, {@code > /dev/full}, a closed pipe): a PrintStream would swallow it and the answer
 * would be lost with exit 0. After a failure, further writes are skipped.
 */
final class StandardOutput extends FilterOutputStream {
    private IOException failure;

    StandardOutput() {
        super(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** The first failed write, or null. */
    IOException failure() {
        return failure;
    }

    /** A reader that went away ({@code | head}): not an error of the writer. */
    boolean readerClosed() {
        return failure != null && failure.getMessage() != null && failure.getMessage().contains("Broken pipe");
    }
}
