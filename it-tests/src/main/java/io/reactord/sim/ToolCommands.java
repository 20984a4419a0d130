package io.reactord.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-shot commands of the fake tools for one node: {@code drbdsetup primary|secondary|status|show},
 * {@code drbdadm adjust|primary|secondary|status} and the simulator's own {@code drbdsim} helper
 * ({@code write|read|open|close|role}). {@code events2} is streamed by {@link SimServer}.
 */
public final class ToolCommands {

    private final SimCluster cluster;

    public ToolCommands(SimCluster cluster) {
        this.cluster = cluster;
    }

    /** Runs {@code tool args…} on {@code node}. */
    public ToolResult run(String node, String tool, List<String> args) {
        synchronized (cluster) {
            if (!cluster.isUp(node)) {
                return new ToolResult(ToolResult.EXIT_NODE_DOWN, "", tool + ": simulated node " + node + " is down\n");
            }
            try {
                return switch (tool) {
                    case "drbdsetup" -> drbdsetup(node, args);
                    case "drbdadm" -> drbdadm(node, args);
                    case "drbdsim" -> drbdsim(node, args);
                    default -> new ToolResult(20, "", "unknown tool " + tool + "\n");
                };
            } catch (IllegalArgumentException | IllegalStateException e) {
                return new ToolResult(20, "", tool + ": " + e.getMessage() + "\n");
            }
        }
    }

    private ToolResult drbdsetup(String node, List<String> args) {
        if (args.isEmpty()) {
            return new ToolResult(20, "", "USAGE: drbdsetup command {arguments} [options]\n");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        List<String> positional = positional(rest);
        boolean force = rest.contains("--force");
        switch (cmd) {
            case "primary", "secondary" -> {
                if (positional.size() != 1) {
                    return new ToolResult(20, "", "USAGE: drbdsetup " + cmd + " {resource} [--force]\n");
                }
                String res = positional.get(0);
                if (!cluster.hasResource(res)) {
                    return ToolResult.unknownResource(res);
                }
                return cmd.equals("primary") ? cluster.promote(node, res, force) : cluster.demote(node, res, force);
            }
            case "status" -> {
                List<String> res = resources(positional);
                if (res == null) {
                    return new ToolResult(10, "", positional.get(0) + ": No such resource\n");
                }
                return ToolResult.ok(StatusJson.status(cluster, node, res, rest.contains("--json")));
            }
            case "show" -> {
                List<String> res = resources(positional);
                if (res == null) {
                    return ToolResult.unknownResource(positional.get(0));
                }
                return ToolResult.ok(StatusJson.show(cluster, node, res));
            }
            default -> {
                return new ToolResult(20, "", "drbdsetup: unknown command '" + cmd + "' (not simulated)\n");
            }
        }
    }

    private ToolResult drbdadm(String node, List<String> args) {
        List<String> positional = positional(args);
        if (positional.size() < 2) {
            return new ToolResult(1, "", "USAGE: drbdadm COMMAND [OPTION...] {all|RESOURCE...}\n");
        }
        String cmd = positional.get(0);
        String res = positional.get(1);
        if (!res.equals("all") && !cluster.hasResource(res)) {
            return new ToolResult(10, "", "'" + res + "' not defined in your config (for this host).\n");
        }
        return switch (cmd) {
            case "adjust" -> ToolResult.ok();
            // the simulated backing devices are no files a caller could wait for: report none
            case "sh-ll-dev" -> ToolResult.ok("none\n".repeat(res.equals("all") ? 1
                    : cluster.resourceSpec(res).volumes()));
            case "primary", "secondary" -> {
                List<String> sub = new ArrayList<>(List.of(cmd, res));
                if (args.contains("--force")) {
                    sub.add("--force");
                }
                ToolResult r = drbdsetup(node, sub);
                yield r.success() ? r : new ToolResult(r.exitCode(), r.stdout(), r.stderr() + "Command 'drbdsetup "
                        + String.join(" ", sub) + "' terminated with exit code " + r.exitCode() + "\n");
            }
            case "status" -> drbdsetup(node, List.of("status", res));
            default -> new ToolResult(1, "", "drbdadm " + cmd + ": not simulated\n");
        };
    }

    private ToolResult drbdsim(String node, List<String> args) {
        if (args.size() < 2) {
            return new ToolResult(2, "", "usage: drbdsim write RES SEQ | read RES | open RES | close RES | role RES | mark RES TEXT\n");
        }
        String res = args.get(1);
        if (!cluster.hasResource(res)) {
            return new ToolResult(3, "", "drbdsim: unknown resource " + res + "\n");
        }
        return switch (args.get(0)) {
            case "write" -> {
                if (args.size() != 3 || !args.get(2).matches("[0-9]{1,18}")) {
                    yield new ToolResult(2, "", "usage: drbdsim write RES SEQ (SEQ a non-negative integer)\n");
                }
                yield cluster.write(node, res, Long.parseLong(args.get(2)));
            }
            case "read" -> cluster.read(node, res);
            case "open" -> cluster.open(node, res);
            case "close" -> cluster.close(node, res);
            case "role" -> ToolResult.ok(cluster.role(node, res).word() + "\n");
            case "mark" -> {
                cluster.mark(node, res, String.join(" ", args.subList(2, args.size())));
                yield ToolResult.ok();
            }
            default -> new ToolResult(2, "", "drbdsim: unknown command " + args.get(0) + "\n");
        };
    }

    /** The resources a status/show call covers, or null if a named one is unknown. */
    private List<String> resources(List<String> positional) {
        if (positional.isEmpty() || positional.get(0).equals("all")) {
            return cluster.resourceNames();
        }
        return cluster.hasResource(positional.get(0)) ? List.of(positional.get(0)) : null;
    }

    static List<String> positional(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                out.add(a);
            }
        }
        return out;
    }
}
