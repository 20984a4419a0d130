package io.reactord.ctl.cluster;

import io.reactord.agent.control.status.Terminal;
import io.reactord.config.NodeName;
import io.reactord.config.PeersConfig;
import io.reactord.ctl.ExitCodes;
import io.reactord.ctl.evict.RemoteWords;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one reactorctl command line on several nodes, as drbd-reactorctl does for a context: this node in-process,
 * every other node through the {@code [peers]} command with {@code --local} and the command's words appended, each
 * quoted for the peer's shell ({@link RemoteWords}); all peers at once, each within the {@code [peers]} timeout.
 * The output is drbd-reactorctl's, {@code ➞ NODE:} and what the node printed; {@code status --json} is one object
 * with each node's report under its name instead. Exit 0 only when every node's command succeeded.
 */
public final class ClusterRun {
    /** Runs the command on this node, printing to the streams given; returns its exit code. */
    @FunctionalInterface
    public interface Local {
        int run(PrintStream out, PrintStream err);
    }

    private final PeersConfig peers;
    private final String thisHost;
    private final PrintStream out;
    private final PrintStream err;

    public ClusterRun(PeersConfig peers, String thisHost, PrintStream out, PrintStream err) {
        this.peers = peers;
        this.thisHost = thisHost;
        this.out = out;
        this.err = err;
    }

    /** What one node printed and its exit code; {@code code} -1 when the command could not run or timed out. */
    record Result(int code, String stdout, String stderr) {}

    /**
     * Runs {@code words} (a reactorctl command line) on {@code nodes}; {@code json} merges the nodes' JSON answers.
     * {@code what} names the command in messages.
     */
    public int run(String what, List<ContextFile.Node> nodes, List<String> words, boolean json, Local local) {
        List<String> remote = new ArrayList<>();
        remote.add("--local");
        remote.addAll(words);
        Map<ContextFile.Node, CompletableFuture<Result>> runs = new LinkedHashMap<>();
        for (ContextFile.Node n : nodes) {
            String bad = NodeName.error(n.hostname());
            if (n.hostname().equals(thisHost)) {
                runs.put(n, null);
            } else if (bad != null) {
                runs.put(n, CompletableFuture.completedFuture(new Result(-1, "", "not run: " + bad)));
            } else {
                List<String> cmd = peers.commandFor(n.hostname(), RemoteWords.quoteAll(remote));
                runs.put(n, CompletableFuture.supplyAsync(() -> exec(cmd)));
            }
        }
        Map<String, String> jsonParts = new LinkedHashMap<>();
        List<Integer> failed = new ArrayList<>();
        for (Map.Entry<ContextFile.Node, CompletableFuture<Result>> e : runs.entrySet()) {
            String host = e.getKey().hostname();
            Result r = e.getValue() == null ? here(local) : e.getValue().join();
            if (json) {
                String body = r.stdout().strip();
                jsonParts.put(host, body.startsWith("{") && body.endsWith("}") ? body : "null");
            } else {
                out.println("➞ " + Terminal.safe(host) + ":");
                out.print(r.stdout());
                if (!r.stdout().isEmpty() && !r.stdout().endsWith("\n")) {
                    out.println();
                }
            }
            out.flush();
            for (String l : r.stderr().split("\n")) {
                if (!l.isBlank() && r.code() == ExitCodes.OK) {
                    err.println(Terminal.safe(host) + ": " + Terminal.safe(l.strip()));
                }
            }
            if (r.code() != ExitCodes.OK) {
                failed.add(r.code());
                err.println("reactorctl " + what + ": " + Terminal.safe(host) + ": " + Terminal.safe(reason(r)));
            }
        }
        if (json) {
            StringBuilder b = new StringBuilder("{");
            jsonParts.forEach((host, body) -> {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(io.reactord.agent.json.Json.write((Object) host)).append(':').append(body);
            });
            out.println(b.append('}'));
        }
        out.flush();
        err.flush();
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        boolean same = failed.stream().allMatch(c -> c.equals(failed.get(0)));
        return same && failed.get(0) > 0 ? failed.get(0) : ExitCodes.FAILURE;
    }

    /** Why a node failed: the last line it wrote to stderr, else to stdout, else its exit code. */
    private static String reason(Result r) {
        String last = lastLine(r.stderr());
        if (last == null) {
            last = lastLine(r.stdout());
        }
        String code = r.code() < 0 ? "" : "exit code " + r.code();
        return last == null ? code : code.isEmpty() ? last : last + " (" + code + ")";
    }

    private static String lastLine(String text) {
        String last = null;
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                last = l.strip();
            }
        }
        return last;
    }

    private static Result here(Local local) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = local.run(po, pe);
        }
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Runs one peer command: its exit code, stdout and stderr; -1 when it cannot start or does not finish in time. */
    private Result exec(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + cmd.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> o = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> e = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(peers.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "no answer within " + peers.timeout().toSeconds() + " s");
            }
        } catch (InterruptedException ex) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
        return new Result(p.exitValue(), o.join(), e.join());
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
