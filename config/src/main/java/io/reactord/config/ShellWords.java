package io.reactord.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words by POSIX shell quoting, the way drbd-reactor splits the arguments of an
 * OCF start entry: blanks (space, tab, newline) separate words; {@code '...'} is literal;
 * inside {@code "..."} a backslash escapes only {@code $ ` " \} and newline; outside quotes a
 * backslash takes the next character literally and a backslash-newline joins lines; a {@code #}
 * that starts a word comments out the rest of the line. Nothing is expanded. An unterminated quote
 * is an error.
 */
final class ShellWords {
    private ShellWords() {}

    /** A quote that is never closed. */
    static final class UnclosedQuote extends Exception {
        UnclosedQuote(String message) {
            super(message, null, false, false);
        }
    }

    static List<String> split(String text) throws UnclosedQuote {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (word == null) {
                if (c == ' ' || c == '\t' || c == '\n') {
                    i++;
                    continue;
                }
                if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i += 2;
                    continue;
                }
                if (c == '#') {
                    while (i < n && text.charAt(i) != '\n') i++;
                    continue;
                }
                word = new StringBuilder();
            }
            if (c == ' ' || c == '\t' || c == '\n') {
                words.add(word.toString());
                word = null;
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) throw new UnclosedQuote("single quote opened at column " + (i + 1) + " is never closed");
                word.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int open = i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n) {
                        char e = text.charAt(i + 1);
                        if (e == '$' || e == '`' || e == '"' || e == '\\') word.append(e);
                        else if (e != '\n') word.append(d).append(e);
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (!closed) throw new UnclosedQuote("double quote opened at column " + (open + 1) + " is never closed");
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    word.append('\\');
                    i++;
                } else {
                    char e = text.charAt(i + 1);
                    if (e != '\n') word.append(e);
                    i += 2;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }
}
