package io.reactord.events2;

import java.nio.charset.StandardCharsets;

/**
 * Walks the space- or tab-separated tokens of a line in one pass over a byte copy of it, finding each
 * token's end and first ':' in the same loop (linear in the line, however long). Tokens are not copied;
 * {@link #line} is there for the values that become strings.
 *
 * <p>The copy is ISO-8859-1: a character above U+00FF reads as {@code '?'}, which is neither a separator,
 * a digit nor part of a known word, so such a region always becomes a (exact) substring of {@link #line}.
 */
final class Cursor {
    final String line;
    final byte[] chars;
    private final int len;
    private int pos;
    /** The current token is {@code [start, end)}; {@code colon} is its first ':' or -1. */
    int start;
    int end;
    int colon;

    Cursor(String line) {
        this.line = line;
        this.chars = line.getBytes(StandardCharsets.ISO_8859_1);
        this.len = chars.length;
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
            if (ch == ' ' || ch == '\t') {
                break;
            }
            if (ch == ':' && firstColon < 0) {
                firstColon = i;
            }
        }
        end = i;
        colon = firstColon;
        pos = i;
        return true;
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
        return Words.of(line, chars, start, end);
    }
}
