package io.reactord.ctl.status;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ReportAnswer;
import io.reactord.agent.control.ReportRequest;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reactorctl status} without the command model: sends a {@code report} request and prints the text (or
 * JSON) the daemon rendered, exactly what the command would print; reads only the main file's top-level
 * {@code socket} line for it (no configuration parser, no child process; the request and answer go through the one
 * control client and codec, {@link ControlClient}, which load jackson-core's streaming classes only). Without the daemon
 * (or an older one) it gathers the report itself like the command. It understands only the common forms
 * ({@code status [-c FILE] [--json] [-v] [FILE…]}); anything else returns -1 and the full command runs.
 */
public final class QuickStatus {
    private static final Path DEFAULT_MAIN = Path.of("/etc/reactord.toml");
    private static final Path DEFAULT_SOCKET = Path.of("/run/reactord/reactord.sock");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Set by the launcher on the run that writes the class-data archive: that run also goes the other way
     * (without output), so that the archive holds the classes of both, whichever way the first run went.
     */
    static final String TRAINING = "reactorctl.cds-training";

    private QuickStatus() {}

    /**
     * The command's exit code, or -1 when the full command must run. Without an answer from the daemon the
     * report is gathered here ({@link LocalStatus}), still without the command model.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Request r = parse(args);
        if (r == null) {
            return -1;
        }
        int rc = viaDaemon(r, out, err);
        if (rc >= 0) {
            if (Boolean.getBoolean(TRAINING)) {
                // the archive is written now: let it hold the run without the daemon too (the 3 a.m. case)
                PrintStream none = new PrintStream(java.io.OutputStream.nullOutputStream());
                LocalStatus.run(r.given, r.files, r.json, r.verbose, none, none);
            }
            return rc;
        }
        rc = LocalStatus.run(r.given, r.files, r.json, r.verbose, out, err);
        if (Boolean.getBoolean(TRAINING)) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) { // and the socket's classes
                java.net.UnixDomainSocketAddress.of(DEFAULT_SOCKET);
            } catch (IOException | RuntimeException e) {
                // only a head start for later runs
            }
        }
        return rc;
    }

    private static int viaDaemon(Request r, PrintStream out, PrintStream err) {
        Path socket = socket(r.main);
        if (socket == null || !Files.exists(socket)) {
            return -1;
        }
        ReportAnswer a;
        try {
            a = new ControlClient(socket, TIMEOUT).report(r.report(Terminal.detect().colour()));
        } catch (ControlClient.DaemonException | RuntimeException e) {
            return -1;
        }
        out.print(a.stdout());
        out.flush();
        err.print(a.stderr());
        err.flush();
        return a.exit();
    }

    /** The parsed command line; {@code given} is the main file as typed, {@code main} its absolute form. */
    record Request(Path given, Path main, boolean json, boolean verbose, List<String> files) {
        ReportRequest report(boolean colour) {
            return new ReportRequest(main, files, List.of(), verbose, json, colour);
        }
    }

    /** {@code [-c FILE] status [-c FILE] [--json] [-v] [FILE…]}, or null for anything else. */
    static Request parse(String[] args) {
        Path main = DEFAULT_MAIN;
        boolean json = false;
        boolean verbose = false;
        boolean seen = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--config")) {
                if (++i >= args.length) {
                    return null;
                }
                main = Path.of(args[i]);
            } else if (a.startsWith("--config=")) {
                main = Path.of(a.substring("--config=".length()));
            } else if (!seen) {
                if (!a.equals("status")) {
                    return null;
                }
                seen = true;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("-v") || a.equals("--verbose")) {
                verbose = true;
            } else if (a.isEmpty() || a.startsWith("-") || a.contains("/") && !a.startsWith("/")) {
                return null; // other options, and paths relative to this directory, are the full command's
            } else {
                files.add(a);
            }
        }
        return seen ? new Request(main, main.toAbsolutePath().normalize(), json, verbose, files) : null;
    }

    /** The {@code socket} of the main file's top level, the default when not set, null when unreadable. */
    static Path socket(Path main) {
        if (!Files.isReadable(main)) {
            return null;
        }
        String s = ConfigFiles.topLevel(main).get("socket");
        return s == null ? DEFAULT_SOCKET : Path.of(s);
    }
}
