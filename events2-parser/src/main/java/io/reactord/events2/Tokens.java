package io.reactord.events2;

/** The space-separated tokens of a line as offsets (no copies until asked for). */
final class Tokens {
    final String line;
    final int[] start;
    final int[] end;
    final int count;
    /** Position of the next ':' found by {@link #colon}, -1 when there is none left, -2 before the first search. */
    private int nextColon = -2;

    private Tokens(String line, int[] start, int[] end, int count) {
        this.line = line;
        this.start = start;
        this.end = end;
        this.count = count;
    }

    static Tokens split(String line) {
        return line.indexOf('\t') < 0 ? splitSpaces(line) : splitWhitespace(line);
    }

    /** The common case: tokens separated by spaces; {@code indexOf} scans many characters per step. */
    private static Tokens splitSpaces(String line) {
        int len = line.length();
        int cap = 24;
        int[] s = new int[cap];
        int[] e = new int[cap];
        int k = 0;
        int i = 0;
        while (i < len) {
            if (line.charAt(i) == ' ') {
                i++;
                continue;
            }
            int sp = line.indexOf(' ', i);
            int end = sp < 0 ? len : sp;
            if (k == cap) {
                cap *= 2;
                s = java.util.Arrays.copyOf(s, cap);
                e = java.util.Arrays.copyOf(e, cap);
            }
            s[k] = i;
            e[k++] = end;
            i = end + 1;
        }
        return new Tokens(line, s, e, k);
    }

    private static Tokens splitWhitespace(String line) {
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
        // the next colon at or after this token, remembered: tokens are asked for in order, so the line is
        // scanned once in all (linear even for a megabyte of colon-less tokens)
        if (nextColon != -1 && nextColon < start[i]) {
            nextColon = line.indexOf(':', start[i]);
        }
        return nextColon >= 0 && nextColon < end[i] ? nextColon : -1;
    }
}
