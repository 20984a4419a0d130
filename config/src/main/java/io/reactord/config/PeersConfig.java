package io.reactord.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [peers]} table of the main file: how {@code reactorctl move} reaches the other nodes' daemons.
 * {@code command} is a program and its arguments (no shell); {@value #NODE} in any item is replaced by
 * the peer's node name, and reactorctl appends the {@code reactorctl} arguments to run there.
 *
 * @param command  the command template, e.g. {@code ssh … root@{node} reactorctl}
 * @param timeout  how long one peer may take to answer
 */
public record PeersConfig(List<String> command, Duration timeout) {
    /** The placeholder for the peer's node name. */
    public static final String NODE = "{node}";

    /** Root ssh between the nodes, as Proxmox VE clusters have it; no prompts, a short connect timeout. */
    public static final PeersConfig DEFAULT = new PeersConfig(
            List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "root@" + NODE, "reactorctl"),
            Duration.ofSeconds(10));

    public PeersConfig {
        command = List.copyOf(command);
    }

    /** The command for one peer, {@code args} appended. */
    public List<String> commandFor(String node, List<String> args) {
        List<String> out = new ArrayList<>();
        for (String c : command) {
            out.add(c.replace(NODE, node));
        }
        out.addAll(args);
        return out;
    }
}
