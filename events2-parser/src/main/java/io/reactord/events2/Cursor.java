package io.reactord.events2;

/**
 * Walks the space- or tab-separated tokens of a line of UTF-8 bytes in one pass, finding each token's
 * end and first ':' in the same loop (linear in the line, however long). Tokens are not copied; values
 * that become strings are decoded from {@link #chars} when asked for ({@link Text}).
 *
 * <p>Separators, colons, digits and the known words are ASCII, and no byte of a multi-byte UTF-8
 * sequence is ASCII, so scanning bytes never splits a character: any UTF-8 (or invalid byte) inside a
 * token stays inside it, exactly.
 */
final class Cursor {
    static final byte ESC = 0x1b;
    final byte[] chars;
    private final int len;
    private int pos;
    /** The current token is {@code [start, end)}; {@code colon} is its first ':' or -1. */
    int start;
    int end;
    int colon;
    /** True once a token walked so far held an ESC byte (an ANSI colour code). */
    boolean escape;

    /** Tokens of {@code chars[0, len)}. */
    Cursor(byte[] chars, int len) {
        this.chars = chars;
        this.len = len;
    }

    /** Moves to the next token; false at the end of the line. */
    boolean next() {
        int i = skipSeparators();
        if (i >= len) {
            return false;
        }
        byte[] c = chars;
        start = i;
        int firstColon = -1;
        for (; i < len; i++) {
            byte ch = c[i];
            if (ch > ':') {
                continue; // letters and most punctuation: one comparison
            }
            if (ch >= '0') { // digits and ':'
                if (ch == ':' && firstColon < 0) {
                    firstColon = i;
                }
                continue;
            }
            if (ch == ' ' || ch == '\t') {
                break;
            }
            if (ch == ESC) {
                escape = true;
            }
        }
        end = i;
        colon = firstColon;
        pos = i;
        return true;
    }

    /** Where the walk has got to: bytes before it have been looked at (for {@link #escape}). */
    int position() {
        return pos;
    }

    /** True when another token follows the current one. */
    boolean hasNext() {
        return skipSeparators() < len;
    }

    private int skipSeparators() {
        int i = pos;
        while (i < len && (chars[i] == ' ' || chars[i] == '\t')) {
            i++;
        }
        pos = i;
        return i;
    }

    /** The current token, canonical when it is a known word. */
    String word() {
        return Words.of(chars, start, end);
    }
}
