package io.reactord.ctl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * {@code reactorctl replay} in its plain forms ({@code --events}, {@code --state}, {@code -c/--config},
 * {@code --hostname}, each once, with or without {@code =}) without building the picocli model: picocli's
 * classes are Java 5 class files, which class-data sharing does not archive, and loading and verifying them
 * is most of a replay's fixed start. Any other form (help, an unknown or repeated option, a missing or
 * option-like value, an {@code @file} argument) is left to the full command, which says what is wrong.
 * Output, messages and exit codes are the full command's ({@link ReplayRun}).
 */
final class QuickReplay {
    private QuickReplay() {}

    /** The options of a plain replay, or null when the full command must read them. */
    record Options(Path config, String events, String hostname, boolean state) {}

    /** Runs {@code line} when it is a plain replay; -1 (nothing done) otherwise. */
    static int run(String[] line, PrintStream out, PrintStream err) {
        Options o = parse(line);
        if (o == null) {
            return -1;
        }
        PrintWriter w = writer(out, "sun.stdout.encoding");
        PrintWriter e = writer(err, "sun.stderr.encoding");
        try {
            return ReplayRun.run(o.config(), o.events(), o.hostname(), o.state(), w, e);
        } catch (RuntimeException x) { // as the full command's handler: one line (REACTORCTL_DEBUG=1 for the trace)
            e.println("reactorctl replay: " + ReplayRun.oneLine(x));
            if (System.getenv("REACTORCTL_DEBUG") != null) {
                x.printStackTrace(e);
            }
            e.flush();
            return ExitCodes.FAILURE;
        } finally {
            w.flush();
            e.flush();
        }
    }

    static Options parse(String[] line) {
        if (line.length == 0 || !line[0].equals("replay")) {
            return null;
        }
        String config = null;
        String events = null;
        String hostname = null;
        boolean state = false;
        for (int i = 1; i < line.length; i++) {
            String a = line[i];
            if (a.equals("--state")) {
                if (state) {
                    return null;
                }
                state = true;
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < line.length) {
                value = line[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("@") || value.startsWith("-") && !value.equals("-")) {
                return null;
            }
            switch (name) {
                case "--events" -> {
                    if (events != null) {
                        return null;
                    }
                    events = value;
                }
                case "-c", "--config" -> {
                    if (config != null || value.equals("-")) {
                        return null;
                    }
                    config = value;
                }
                case "--hostname" -> {
                    if (hostname != null || value.equals("-")) {
                        return null;
                    }
                    hostname = value;
                }
                default -> {
                    return null;
                }
            }
        }
        return events == null ? null : new Options(config == null ? null : Path.of(config), events, hostname, state);
    }

    /** A writer as picocli makes one for the stream: the JVM's stdout/stderr encoding, else the default charset. */
    private static PrintWriter writer(OutputStream stream, String encodingProperty) {
        Charset cs = Charset.defaultCharset();
        String name = System.getProperty(encodingProperty);
        if (name != null) {
            try {
                cs = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
            } catch (IllegalArgumentException e) {
                // picocli falls back to the default charset as well
            }
        }
        return new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, cs)), true);
    }
}
