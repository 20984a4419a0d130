package io.reactord.ctl;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** For tests that run reactorctl's whole command tree in process and read what it writes through picocli. */
abstract class CapturedCtl {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code reactorctl ARGS}; its output adds to {@link #out} and {@link #err}. */
    int run(String... args) {
        CommandLine cl = ReactorCtl.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
