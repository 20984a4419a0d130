package io.reactord.events2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Strings from regions of a line's UTF-8 bytes. {@link #of} decodes leniently (an invalid sequence
 * becomes U+FFFD, as every UTF-8 decoder of the JDK does): right for values that are only shown or
 * stored. {@link #exact} decodes only valid UTF-8 and answers null otherwise: for values that identify
 * an object (resource names), where two different byte strings must never become one string.
 */
final class Text {
    private Text() {}

    /** {@code c[from, to)} decoded, invalid sequences replaced by U+FFFD. */
    static String of(byte[] c, int from, int to) {
        return new String(c, from, to - from, StandardCharsets.UTF_8);
    }

    /** {@code c[from, to)} decoded when it is valid UTF-8, else null. */
    static String exact(byte[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c[i] < 0) {
                return strict(c, from, to);
            }
        }
        return new String(c, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: the cheapest exact copy
    }

    /** True when {@code c[from, to)} decoded ({@link #of}) equals {@code s}; ASCII is compared without decoding. */
    static boolean same(byte[] c, int from, int to, String s) {
        if (to - from != s.length()) {
            return !ascii(c, from, to) && of(c, from, to).equals(s);
        }
        for (int i = from; i < to; i++) {
            byte x = c[i];
            if (x < 0) {
                return of(c, from, to).equals(s);
            }
            if (x != s.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] c, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(c, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
