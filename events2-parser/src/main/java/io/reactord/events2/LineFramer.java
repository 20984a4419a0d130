package io.reactord.events2;

import java.util.Arrays;

/**
 * Cuts a byte stream into lines for {@link Events2Parser#parse(byte[], int, int)}: the caller pushes
 * whatever it read ({@link #accept}), the framer hands each complete line to its {@link Sink} as a region
 * of the caller's buffer when the line lies inside it (no copy), or of its own carry-over buffer when the
 * line spans two reads. A line longer than the limit is never buffered whole: from the byte that passes the
 * limit on, its bytes are dropped and counted, and the sink hears of it twice, once when the line passes the
 * limit and once at its end. Pure: no I/O, no threads; the line end is {@code \n} ({@code \r} before it is
 * the parser's business).
 */
public final class LineFramer {
    /** The limit the daemon and replay use: real events2 lines are a few hundred bytes. */
    public static final int DEFAULT_MAX_LINE = 64 * 1024;

    /** Receives the lines. The region is valid only during the call. */
    public interface Sink {
        /** One line, {@code buf[from, to)}, without its {@code \n}. */
        void line(byte[] buf, int from, int to);

        /** Line {@code number} (1-based) has just passed the limit; its bytes are being dropped. */
        default void overlongStarted(long number) {}

        /** Line {@code number}, {@code length} bytes long (newline excluded), ended and was dropped. */
        void overlong(long number, long length);
    }

    private final int maxLine;
    private final Sink sink;
    private byte[] carry = new byte[256];
    private int carried;
    /** Bytes of the current line so far while it is over the limit, else -1. */
    private long dropping = -1;
    private long lines;

    public LineFramer(int maxLine, Sink sink) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive");
        }
        this.maxLine = maxLine;
        this.sink = sink;
    }

    /** Frames {@code buf[off, off + len)}. */
    public void accept(byte[] buf, int off, int len) {
        int end = off + len;
        int from = off;
        while (from < end) {
            int nl = indexOf(buf, from, end);
            if (nl < 0) {
                hold(buf, from, end);
                return;
            }
            if (dropping >= 0) {
                endDropped(nl - from);
            } else if (carried > 0) {
                hold(buf, from, nl);
                if (dropping >= 0) {
                    endDropped(0);
                } else {
                    lines++;
                    sink.line(carry, 0, carried);
                    carried = 0;
                }
            } else if (nl - from > maxLine) {
                lines++;
                sink.overlongStarted(lines);
                sink.overlong(lines, nl - from);
            } else {
                lines++;
                sink.line(buf, from, nl);
            }
            from = nl + 1;
        }
    }

    /** The input ended: a last line without a newline is handed over (or reported, when over the limit). */
    public void end() {
        if (dropping >= 0) {
            endDropped(0);
        } else if (carried > 0) {
            lines++;
            sink.line(carry, 0, carried);
            carried = 0;
        }
    }

    /** Lines seen so far, dropped ones included. */
    public long lines() {
        return lines;
    }

    /** Bytes of the line being dropped so far, or -1 when no line is being dropped. */
    public long dropping() {
        return dropping;
    }

    private void hold(byte[] buf, int from, int to) {
        int n = to - from;
        if (dropping >= 0) {
            dropping += n;
            return;
        }
        if (carried + n > maxLine) {
            dropping = carried + n;
            carried = 0;
            sink.overlongStarted(lines + 1);
            if (carry.length > 4096) {
                carry = new byte[256]; // do not keep a limit-sized buffer for one odd line
            }
            return;
        }
        if (carried + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.min(maxLine, Math.max(carried + n, 2 * carry.length)));
        }
        System.arraycopy(buf, from, carry, carried, n);
        carried += n;
    }

    private void endDropped(int tail) {
        lines++;
        long length = dropping + tail;
        dropping = -1;
        sink.overlong(lines, length);
    }

    private static int indexOf(byte[] b, int from, int to) {
        return Bytes.indexOf(b, from, to, (byte) '\n');
    }
}
