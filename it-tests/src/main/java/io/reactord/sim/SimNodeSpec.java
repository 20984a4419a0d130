package io.reactord.sim;

/**
 * One simulated host.
 *
 * @param name    host name (the peers' {@code conn-name})
 * @param nodeId  DRBD node id (0..31)
 * @param address IPv4 address used in {@code path} lines
 */
public record SimNodeSpec(String name, int nodeId, String address) {
    public SimNodeSpec {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("invalid node name: " + name);
        }
        if (nodeId < 0 || nodeId > 31) {
            throw new IllegalArgumentException("node id must be 0..31: " + nodeId);
        }
    }
}
