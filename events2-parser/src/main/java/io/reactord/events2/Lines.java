package io.reactord.events2;

/** Line-level clean-up around tokenising, on the line's bytes: line ends, ANSI colour, timestamp recognition. */
final class Lines {
    private static final byte ESC = 0x1b;

    private Lines() {}

    /** The length of {@code c[0, len)} without its trailing newlines and carriage returns. */
    static int trimEnd(byte[] c, int len) {
        int end = len;
        while (end > 0 && (c[end - 1] == '\n' || c[end - 1] == '\r')) {
            end--;
        }
        return end;
    }

    /** Index of the first ESC in {@code c[from, to)}, or -1. */
    static int escape(byte[] c, int from, int to) {
        return Bytes.indexOf(c, from, to, ESC);
    }

    /** Removes every ANSI SGR sequence ({@code ESC[…m}) from {@code c[from, end)} in place; returns the new length. */
    static int stripAnsi(byte[] c, int from, int end) {
        int w = from;
        int i = from;
        while (i < end) {
            byte b = c[i];
            if (b == ESC && i + 1 < end && c[i + 1] == '[') {
                int j = i + 2;
                while (j < end && (c[j] >= '0' && c[j] <= '9' || c[j] == ';')) {
                    j++;
                }
                if (j < end && c[j] == 'm') {
                    i = j + 1;
                    continue;
                }
            }
            c[w++] = b;
            i++;
        }
        return w;
    }

    /** {@code YYYY-MM-DDThh:mm:ss.uuuuuu±hh:mm} (any fraction length, or none) — cheap shape check of a token. */
    static boolean looksLikeTimestamp(byte[] c, int from, int to) {
        return to - from >= 19 && c[from + 4] == '-' && c[from + 7] == '-' && c[from + 10] == 'T'
                && c[from + 13] == ':' && c[from + 16] == ':' && isDigit(c[from]) && isDigit(c[from + 3]);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
