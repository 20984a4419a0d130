package io.reactord.agent.status;

import io.reactord.agent.control.status.StatusJsonWriter;
import io.reactord.agent.control.status.StatusModel;
import io.reactord.agent.control.status.StatusText;
import io.reactord.agent.control.status.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code reactorctl status}: collect, render as text or JSON, and the exit code. The command runs it
 * when it gathers the report itself; the daemon runs it to answer a {@code report} request, so both give
 * the same bytes.
 */
public final class StatusRun {
    /** The exit code of a report (reactorctl's {@code ExitCodes.OK}). */
    public static final int EXIT_OK = 0;
    /** The exit code when a name asked for matched nothing (reactorctl's {@code ExitCodes.NOT_FOUND}). */
    public static final int EXIT_NOT_FOUND = 3;

    private StatusRun() {}

    /** What the command prints and its exit code. */
    public record Output(String stdout, String stderr, int exit) {}

    public static Output run(StatusCollector collector, List<String> files, List<String> resources, boolean verbose,
            boolean json, Terminal terminal) {
        StatusModel r = collector.collect(files, resources, verbose);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(o, false, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(e, false, StandardCharsets.UTF_8)) {
            if (json) {
                out.println(StatusJsonWriter.write(r));
            } else {
                new StatusText(terminal).print(r, verbose, out, err);
            }
        }
        return new Output(o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8),
                r.unknownNames() ? EXIT_NOT_FOUND : EXIT_OK);
    }
}
