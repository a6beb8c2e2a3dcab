package org.origins.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Splits a UTF-8 byte stream into lines (\n or \r\n), without a Reader's per-char overhead. */
final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private boolean bom = true;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line's bytes (UTF-8, without the line end), or null at the end. */
    byte[] readLine() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? decode(len) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            if (pos < end) {
                pos++; // the \n
                return decode(len);
            }
        }
    }

    private byte[] decode(int len) {
        int from = 0;
        if (bom) {
            bom = false;
            if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                from = 3;
            }
        }
        if (len > from && line[len - 1] == '\r') {
            len--;
        }
        return Arrays.copyOfRange(line, from, len);
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
