package io.reactord.events2;

/** Line-level clean-up before tokenising: line ends, ANSI colour, timestamp recognition. */
final class Lines {
    private Lines() {}

    /** Removes a trailing newline / carriage return and every ANSI SGR sequence ({@code ESC[…m}). */
    static String clean(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        String s = end == raw.length() ? raw : raw.substring(0, end);
        return s.indexOf('\u001b') < 0 ? s : stripAnsi(s);
    }

    private static String stripAnsi(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == 'm') {
                    i = j + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
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
