package io.reactord.ctl.evict;

import java.util.ArrayList;
import java.util.List;

/**
 * POSIX shell quoting for the words a {@code [peers]} command runs on the other node. ssh joins its
 * remote words with spaces and the peer's login shell parses the result again, so each word is quoted
 * such that this parse gives back exactly that word: a word made only of characters no POSIX shell
 * treats specially stays as it is (so a peer command that runs no shell receives the same words),
 * any other word is put in single quotes, an embedded {@code '} written as {@code '\''}.
 */
public final class RemoteWords {
    private RemoteWords() {}

    /** {@code word} quoted for a POSIX shell. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(RemoteWords::plain)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Each of {@code words} quoted for a POSIX shell. */
    public static List<String> quoteAll(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(quote(w));
        }
        return out;
    }

    /** Characters that are literal anywhere in a word for sh, dash and bash (no glob, brace, tilde or expansion). */
    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-' || c == '+' || c == '/' || c == ',' || c == ':' || c == '@' || c == '%';
    }
}
