package org.origins.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a UTF-8 byte stream into lines (\n or \r\n; a leading byte order mark is dropped), without
 * a Reader's per-character overhead, in bounded memory: a line longer than the limit is read
 * through to its end but not kept, and reported as too long, so that one huge line (a lost newline,
 * a binary file) costs time, not memory, and the lines after it are read as usual.
 */
final class LineReader {
    /** The longest line kept: a model is a few kilobytes. */
    static final int MAX_LINE = 1 << 20;

    /** A line: its bytes, or null when it was longer than the limit; its length in bytes either way. */
    record Line(byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private boolean bom = true;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int len = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish(len, total) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            total += n;
            if (total <= max + 1) {   // one more than the limit: a \r before the \n is not counted
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(max + 1, Math.max(line.length * 2, len + n)));
                }
                System.arraycopy(buf, start, line, len, n);
                len += n;
            }
            if (pos < end) {
                pos++; // the \n
                return finish(len, total);
            }
        }
    }

    private Line finish(int len, long total) {
        int from = 0;
        if (bom) {
            bom = false;
            if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                from = 3;
            }
        }
        if (total <= max + 1 && len > from && line[len - 1] == '\r') {
            len--;
            total--;
        }
        if (total - from > max) {
            if (line.length > 1 << 16) {
                line = new byte[1024];   // do not keep the long line's buffer
            }
            return new Line(null, total);
        }
        return new Line(Arrays.copyOfRange(line, from, len), len - from);
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) {
                return false;
            }
        }
        return true;
    }
}
