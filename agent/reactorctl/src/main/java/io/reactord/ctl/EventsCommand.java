package io.reactord.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactord.ctl.support.JournalAccess;
import io.reactord.ctl.support.JournalOptions;
import io.reactord.agent.control.journal.JournalRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl events [--since D] [RES]}: the promoter transitions from the decision journal. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"List promoter transitions and decisions from the decision journal.",
                "Asks reactord; when it is down, reads the journal files under the state directory."})
public final class EventsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RESOURCE", description = "only this resource")
    String resource;

    @Option(names = "--since", description = "a duration back from now (90s, 10m, 2h, 1d) or an ISO-8601 instant")
    String since;

    @Option(names = {"-n", "--limit"}, description = "at most this many, the newest (0 = all; default: ${DEFAULT-VALUE})")
    int limit = 200;

    @Mixin
    JournalOptions where = new JournalOptions();

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (ResourceArg.invalid("events", resource, err)) {
            return ExitCodes.USAGE;
        }
        Instant from;
        try {
            from = since == null ? null : JournalAccess.parseSince(since, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("reactorctl events: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (limit < 0) {
            err.println("reactorctl events: --limit must not be negative");
            return ExitCodes.USAGE;
        }
        JournalAccess ja = where.access();
        JournalAccess.Records recs;
        try {
            recs = ja.records(resource, from, limit);
        } catch (IOException e) {
            err.println("reactorctl events: reactord is not reachable and the journal in " + ja.stateDir() + " cannot be read: "
                    + e.getMessage());
            return ExitCodes.DAEMON_UNREACHABLE;
        } catch (IllegalArgumentException e) {
            err.println("reactorctl events: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (recs.daemonError() != null) {
            err.println("reactorctl events: reactord is not reachable (" + recs.daemonError() + "); read from " + ja.stateDir());
        }
        ObjectMapper m = new ObjectMapper();
        for (JournalRecord r : recs.records()) {
            if (json) {
                try {
                    out.println(m.writeValueAsString(r.toJson()));
                } catch (IOException e) {
                    return ExitCodes.FAILURE;
                }
            } else {
                out.println(r.line());
            }
        }
        return ExitCodes.OK;
    }
}
