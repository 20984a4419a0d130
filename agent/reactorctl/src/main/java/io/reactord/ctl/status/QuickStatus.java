package io.reactord.ctl.status;

import io.reactord.agent.control.SocketLines;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code reactorctl status} without the command model: sends a {@code report} request and prints the text (or
 * JSON) the daemon rendered, exactly what the command would print; reads only the main file's top-level
 * {@code socket} line for it (no configuration parser, no JSON library, no child process). Without the daemon
 * (or an older one) it gathers the report itself like the command. It understands only the common forms
 * ({@code status [-c FILE] [--json] [-v] [FILE…]}); anything else returns -1 and the full command runs.
 */
public final class QuickStatus {
    private static final Path DEFAULT_MAIN = Path.of("/etc/reactord.toml");
    private static final Path DEFAULT_SOCKET = Path.of("/run/reactord/reactord.sock");
    private static final long TIMEOUT_MS = 10_000;
    private static final int MAX_ANSWER = 64 * 1024 * 1024;
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
        String answer = exchange(socket, r.json(Terminal.detect().colour()));
        Map<String, Object> a = answer == null ? null : FlatJson.parse(answer);
        if (a == null || !Boolean.TRUE.equals(a.get("ok")) || !(a.get("stdout") instanceof String o)
                || !(a.get("stderr") instanceof String e) || !(a.get("exit") instanceof Long code)) {
            return -1;
        }
        out.print(o);
        out.flush();
        err.print(e);
        err.flush();
        return code.intValue();
    }

    /** The parsed command line; {@code given} is the main file as typed, {@code main} its absolute form. */
    record Request(Path given, Path main, boolean json, boolean verbose, List<String> files) {
        String json(boolean colour) {
            StringBuilder b = new StringBuilder("{\"cmd\":\"report\",\"config\":");
            FlatJson.quote(main.toString(), b);
            b.append(",\"files\":[");
            for (int i = 0; i < files.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                FlatJson.quote(files.get(i), b);
            }
            return b.append("],\"verbose\":").append(verbose).append(",\"json\":").append(json)
                    .append(",\"colour\":").append(colour).append("}\n").toString();
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

    /** One request line, one answer line; null on any failure or after the timeout. */
    private static String exchange(Path socket, String request) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            Thread watchdog = new Watchdog(ch);
            watchdog.setDaemon(true);
            watchdog.start();
            String answer = SocketLines.exchange(ch, socket, request, MAX_ANSWER);
            watchdog.interrupt();
            return answer;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Closes the channel after the timeout (a plain class: a lambda would cost a bootstrap at start-up). */
    private static final class Watchdog extends Thread {
        private final SocketChannel ch;

        Watchdog(SocketChannel ch) {
            super("reactorctl-status-timeout");
            this.ch = ch;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(TIMEOUT_MS);
                ch.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or closed
            }
        }
    }
}
