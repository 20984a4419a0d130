package io.reactord.events2;

/** The space-separated tokens of a line as offsets (no copies until asked for). */
final class Tokens {
    final String line;
    final int[] start;
    final int[] end;
    final int count;

    private Tokens(String line, int[] start, int[] end, int count) {
        this.line = line;
        this.start = start;
        this.end = end;
        this.count = count;
    }

    static Tokens split(String line) {
        int n = 0;
        int len = line.length();
        boolean in = false;
        for (int i = 0; i < len; i++) {
            boolean sep = isSpace(line.charAt(i));
            if (!sep && !in) {
                n++;
            }
            in = !sep;
        }
        int[] s = new int[n];
        int[] e = new int[n];
        int k = 0;
        int i = 0;
        while (i < len) {
            while (i < len && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            s[k] = i;
            while (i < len && !isSpace(line.charAt(i))) {
                i++;
            }
            e[k++] = i;
        }
        return new Tokens(line, s, e, k);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    String get(int i) {
        return line.substring(start[i], end[i]);
    }

    /** Index of the first ':' in token i, or -1. */
    int colon(int i) {
        for (int c = start[i]; c < end[i]; c++) {
            if (line.charAt(c) == ':') {
                return c;
            }
        }
        return -1;
    }
}
