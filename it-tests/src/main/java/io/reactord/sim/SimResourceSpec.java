package io.reactord.sim;

import java.util.Set;

/**
 * One DRBD resource present on every simulated node.
 *
 * @param name          resource name
 * @param volumes       number of volumes (0..volumes-1)
 * @param firstMinor    minor of volume 0; volume v has minor firstMinor+v
 * @param port          TCP port shown in path lines
 * @param options       resource options
 * @param disklessNodes nodes that are intentionally diskless (clients / tiebreakers) for this resource
 */
public record SimResourceSpec(String name, int volumes, int firstMinor, int port, ResourceOptions options,
                              Set<String> disklessNodes) {
    public SimResourceSpec {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("invalid resource name: " + name);
        }
        if (volumes < 1) {
            throw new IllegalArgumentException("a resource needs at least one volume");
        }
        disklessNodes = Set.copyOf(disklessNodes);
    }

    /** One volume, minor 1000, port 7000, recommended options, all nodes diskful. */
    public static SimResourceSpec simple(String name) {
        return new SimResourceSpec(name, 1, 1000, 7000, ResourceOptions.recommended(), Set.of());
    }

    public SimResourceSpec withOptions(ResourceOptions o) {
        return new SimResourceSpec(name, volumes, firstMinor, port, o, disklessNodes);
    }

    public SimResourceSpec withDiskless(Set<String> nodes) {
        return new SimResourceSpec(name, volumes, firstMinor, port, options, nodes);
    }

    public SimResourceSpec withVolumes(int n) {
        return new SimResourceSpec(name, n, firstMinor, port, options, disklessNodes);
    }
}
