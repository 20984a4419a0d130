package io.reactord.agent.promoter;

import java.util.Locale;

/** How much a decision matters to the operator: the log level of its line and the journal record's severity. */
public enum Severity {
    INFO,
    WARN,
    ERROR;

    /** The word in the journal and in JSON: {@code info}, {@code warn}, {@code error}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a journal word; {@code info} for null or a word it does not know (an older journal). */
    public static Severity of(String word) {
        if (word != null) {
            for (Severity s : values()) {
                if (s.word().equals(word)) {
                    return s;
                }
            }
        }
        return INFO;
    }
}
