package io.reactord.ctl;

import io.reactord.agent.json.Json;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.replay.ReplayCli;
import io.reactord.agent.replay.Replayer;
import io.reactord.agent.runtime.Logging;
import io.reactord.agent.view.StateJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code reactorctl replay} does once its options are read, by picocli ({@link ReplayCommand}) or by the
 * quick entry ({@link QuickReplay}): the same output, messages and exit codes either way.
 */
final class ReplayRun {
    private ReplayRun() {}

    static int run(Path config, String events, String hostname, boolean state, PrintWriter out, PrintWriter err) {
        Logging.configure("warn");
        if (config == null && !state) {
            err.println("reactorctl replay: nothing to print: the decisions come from the promoter resources of a"
                    + " configuration (--config FILE, e.g. --config docs/samples/linstor_db.toml), and --state prints the"
                    + " cluster state the stream describes; give one or both");
            err.flush();
            return ExitCodes.USAGE;
        }
        String host = hostname != null ? hostname : io.reactord.config.HostInfo.detect().hostname();
        Map<String, PromoterSettings> resources = ReplayCli.settings(config, host, err);
        if (resources == null) {
            return ExitCodes.FAILURE;
        }
        if (resources.isEmpty() && !state) {
            err.println("reactorctl replay: " + config + " has no promoter resource: there is nothing to decide; add a"
                    + " [[promoter]] table, or --state for the cluster state alone");
            err.flush();
            return ExitCodes.FAILURE;
        }
        Replayer replayer;
        String name = "-".equals(events) ? "stdin" : events;
        try (InputStream in = "-".equals(events) ? System.in : Files.newInputStream(Path.of(events))) {
            replayer = ReplayCli.run(resources, in, out, w -> {
                err.println("reactorctl replay: " + name + ": " + w);
                err.flush();
            });
        } catch (NoSuchFileException e) {
            err.println("reactorctl replay: no such file: " + events);
            err.flush();
            return ExitCodes.FAILURE;
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            err.println("reactorctl replay: cannot read " + events + ": " + oneLine(e));
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (state) {
            try {
                out.println(Json.write(StateJson.resources(replayer.core().cluster().resources().values())));
            } catch (UncheckedIOException e) {
                err.println("reactorctl replay: " + e.getCause().getMessage());
                return ExitCodes.FAILURE;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
