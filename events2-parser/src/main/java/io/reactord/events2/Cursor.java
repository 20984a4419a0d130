package io.reactord.events2;

/**
 * Walks the space- or tab-separated tokens of a line in one pass, without copying them, and finds the
 * first ':' of each token from one remembered scan (linear even for a megabyte of colon-less tokens).
 */
final class Cursor {
    final String line;
    private final int len;
    private final boolean tabs;
    private int pos;
    /** Position of the next ':' at or after the current token, -1 when there is none left, -2 before the first search. */
    private int nextColon = -2;
    /** The current token is {@code [start, end)}. */
    int start;
    int end;

    Cursor(String line) {
        this.line = line;
        this.len = line.length();
        this.tabs = line.indexOf('\t') >= 0;
    }

    /** Moves to the next token; false at the end of the line. */
    boolean next() {
        int i = skipSeparators();
        if (i >= len) {
            return false;
        }
        start = i;
        if (tabs) {
            while (i < len && !isSeparator(line.charAt(i))) {
                i++;
            }
            end = i;
        } else {
            int sp = line.indexOf(' ', i); // the common case: indexOf scans many characters per step
            end = sp < 0 ? len : sp;
        }
        pos = end;
        return true;
    }

    /** True when another token follows the current one. */
    boolean hasNext() {
        return skipSeparators() < len;
    }

    private int skipSeparators() {
        int i = pos;
        while (i < len && isSeparator(line.charAt(i))) {
            i++;
        }
        pos = i;
        return i;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    /** Index of the first ':' in the current token, or -1. */
    int colon() {
        if (nextColon != -1 && nextColon < start) {
            nextColon = line.indexOf(':', start);
        }
        return nextColon >= 0 && nextColon < end ? nextColon : -1;
    }

    /** The current token, canonical when it is a known word. */
    String word() {
        return Words.of(line, start, end);
    }
}
