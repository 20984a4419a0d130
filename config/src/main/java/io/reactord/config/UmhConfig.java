package io.reactord.config;

import java.nio.file.Path;
import java.util.List;

/** One {@code [[umh]]} table with its rules per kind, in file order. */
public record UmhConfig(
        Path source,
        int line,
        List<UmhRule> resource,
        List<UmhRule> device,
        List<UmhRule> peerdevice,
        List<UmhRule> connection) {

    public UmhConfig {
        resource = List.copyOf(resource);
        device = List.copyOf(device);
        peerdevice = List.copyOf(peerdevice);
        connection = List.copyOf(connection);
    }

    /** The rules of one kind. */
    public List<UmhRule> rules(UmhRule.Kind kind) {
        return switch (kind) {
            case RESOURCE -> resource;
            case DEVICE -> device;
            case PEERDEVICE -> peerdevice;
            case CONNECTION -> connection;
        };
    }
}
