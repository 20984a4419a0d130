package io.reactord.ctl.evict;

import io.reactord.agent.control.status.Terminal;
import io.reactord.config.NodeName;
import io.reactord.config.PeersConfig;
import io.reactord.config.ResourceName;
import io.reactord.ctl.ExitCodes;
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
 * Tells the other nodes' daemons about a move, through the configured peer command ({@code [peers]},
 * e.g. {@code ssh root@NODE reactorctl}): on each peer, {@code reactorctl move RES --to NODE --for D --local}
 * hands the move to that node's daemon. All peers are asked at once, each within the configured timeout;
 * the result per peer is printed, with what it means for the move.
 *
 * <p>The resource and every node name must follow {@link ResourceName} and {@link NodeName}; a peer
 * whose name does not is not run at all. The appended words are quoted for the peer's shell
 * ({@link RemoteWords}), because ssh joins them and the peer's shell parses them again.
 */
public final class MovePeers {
    /** How one peer answered. */
    public enum Answer { TOLD, NO_DAEMON, UNREACHABLE }

    private final PeersConfig peers;
    private final PrintStream out;

    public MovePeers(PeersConfig peers, PrintStream out) {
        this.peers = peers;
        this.out = out;
    }

    /** Tells each of {@code nodes} that {@code res} moves to {@code to} for {@code seconds}; prints one line per peer. */
    public Map<String, Answer> tell(String res, String to, long seconds, List<String> nodes) {
        ResourceName.require(res);
        NodeName.require(to);
        List<String> args = List.of("move", res, "--to", to, "--for", seconds + "s", "--local");
        Map<String, CompletableFuture<String[]>> runs = new LinkedHashMap<>();
        for (String n : nodes) {
            String bad = NodeName.error(n);
            runs.put(n, bad != null ? CompletableFuture.completedFuture(new String[] {"-1", "not run: " + bad})
                    : CompletableFuture.supplyAsync(() -> run(peerCommand(peers, n, args))));
        }
        out.println("Telling the peers (" + String.join(" ", peers.command()) + " … --local)");
        Map<String, Answer> result = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<String[]>> e : runs.entrySet()) {
            String node = e.getKey();
            String[] r = e.getValue().join();
            int code = Integer.parseInt(r[0]);
            Answer a;
            String line;
            if (code == ExitCodes.OK) {
                a = Answer.TOLD;
                line = node.equals(to) ? "told: it prefers itself until the move lands or " + seconds + " s pass"
                        : "told: it holds back while '" + to + "' is connected and UpToDate";
            } else if (code == ExitCodes.DAEMON_UNREACHABLE) {
                a = Answer.NO_DAEMON;
                line = "reached, but its reactord does not answer (" + r[1] + "): it starts nothing there";
            } else {
                a = Answer.UNREACHABLE;
                line = "not told (" + r[1] + ")" + (node.equals(to) ? ": it takes over only if it wins the promotion race"
                        : ": it may win the promotion race instead of '" + to + "'");
            }
            result.put(node, a);
            out.println("  " + Terminal.safe(node) + ": " + Terminal.safe(line));
        }
        out.flush();
        return result;
    }

    /**
     * The command run for {@code node}: the {@code [peers]} template with {@value PeersConfig#NODE} replaced
     * by {@code node} (which must follow {@link NodeName}), then {@code args}, each quoted for the peer's shell.
     */
    public static List<String> peerCommand(PeersConfig peers, String node, List<String> args) {
        return peers.commandFor(NodeName.require(node), RemoteWords.quoteAll(args));
    }

    /** Runs one peer command: {exit code as text, one-line reason}; a command that cannot run or times out is exit -1. */
    private String[] run(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new String[] {"-1", "cannot run " + cmd.get(0) + ": " + e.getMessage()};
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        try {
            if (!p.waitFor(peers.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new String[] {"-1", "no answer within " + peers.timeout().toSeconds() + " s"};
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new String[] {"-1", "interrupted"};
        }
        String text = output.join();
        return new String[] {String.valueOf(p.exitValue()), lastLine(text, p.exitValue())};
    }

    private static String lastLine(String text, int code) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        return lines.isEmpty() ? "exit code " + code : lines.get(lines.size() - 1);
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
