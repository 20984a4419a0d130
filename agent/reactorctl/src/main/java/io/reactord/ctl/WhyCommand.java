package io.reactord.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactord.agent.control.ControlRequest;
import io.reactord.ctl.support.JournalAccess;
import io.reactord.ctl.support.JournalOptions;
import io.reactord.agent.control.journal.JournalReader;
import io.reactord.agent.control.journal.JournalRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl why RES}: why a resource is (not) running on this node, from the decision journal. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = {"Explain why a resource is or is not running on this node.",
                "Asks reactord; when it is down, reads the decision journal under the state directory."})
public final class WhyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESOURCE", description = "the DRBD resource")
    String resource;

    @Mixin
    JournalOptions where = new JournalOptions();

    @Option(names = "--json", description = "print the daemon's answer as JSON")
    boolean json;

    @Option(names = {"-n", "--lines"}, description = "journal records to show (default: ${DEFAULT-VALUE})")
    int lines = 10;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (ResourceArg.invalid("why", resource, err)) {
            return ExitCodes.USAGE;
        }
        JournalAccess ja = where.access();
        JsonNode r;
        try {
            r = ja.ask(new ControlRequest.Why(resource));
        } catch (IOException e) {
            return fromFile(ja, e.getMessage());
        }
        if (!r.path("ok").asBoolean()) {
            if (r.path("error").asText("").startsWith("no such resource")) {
                err.println("reactorctl why: " + resource + " is not configured: reactord manages no promoter resource of that"
                        + " name (reactorctl status lists the ones it manages)");
                return ExitCodes.NOT_FOUND;
            }
            err.println("reactorctl why: " + r.path("error").asText("request refused"));
            return ExitCodes.FAILURE;
        }
        if (json) {
            try {
                out.println(new ObjectMapper().writeValueAsString(r));
            } catch (IOException e) {
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
        out.println(r.path("answer").asText());
        JsonNode recs = r.path("records");
        if (recs.size() > 0) {
            out.println();
            out.println("Recent decisions:");
            int from = Math.max(0, recs.size() - lines);
            for (int i = from; i < recs.size(); i++) {
                try {
                    out.println("  " + JournalRecord.fromJson(recs.get(i)).line());
                } catch (IllegalArgumentException e) {
                    // skip an unreadable record
                }
            }
        }
        return ExitCodes.OK;
    }

    private boolean configured() {
        try {
            return io.reactord.agent.files.ConfigFiles.load(where.config()).resources().containsKey(resource);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int fromFile(JournalAccess ja, String why) {
        err.println("reactorctl why: reactord is not reachable on " + ja.socket() + " (" + why + "); reading the journal in "
                + ja.stateDir());
        List<JournalRecord> recs;
        try {
            recs = JournalReader.read(ja.stateDir(), resource, null, lines);
        } catch (IOException e) {
            err.println("reactorctl why: cannot read the journal: " + e.getMessage());
            return ExitCodes.DAEMON_UNREACHABLE;
        }
        if (recs.isEmpty()) {
            if (!configured()) {
                err.println("reactorctl why: " + resource + " is not configured: no promoter resource of that name in "
                        + where.config() + (java.nio.file.Files.exists(where.config()) ? " or its snippets" : " (which does not exist)")
                        + ", and the journal has no record of it");
                return ExitCodes.NOT_FOUND;
            }
            err.println("reactorctl why: no journal records for " + resource + " yet: reactord has not run with it;"
                    + " start reactord (reactorctl doctor says how)");
            return ExitCodes.DAEMON_UNREACHABLE;
        }
        JournalRecord last = recs.get(recs.size() - 1);
        out.println(resource + " was last " + last.to() + " (" + last.reason() + ") at " + last.time()
                + "; reactord is not running, so nothing is managed now.");
        out.println();
        out.println("Recent decisions:");
        recs.forEach(x -> out.println("  " + x.line()));
        return ExitCodes.OK;
    }
}
