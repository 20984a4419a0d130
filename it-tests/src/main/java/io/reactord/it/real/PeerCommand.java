package io.reactord.it.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code [peers]} command of the simulated nodes: instead of ssh to NODE, {@code peer-ctl NODE ARGS} runs
 * {@code reactorctl ARGS} with NODE's configuration, so {@code reactorctl move} reaches NODE's daemon on its
 * own control socket. A node whose agent is down answers as an unreachable daemon would.
 */
final class PeerCommand {
    private PeerCommand() {
    }

    /** Writes {@code peer-ctl} into the run directory and appends the {@code [peers]} table to the node's main file. */
    static void install(NodeFiles files, Path reactorctl) throws IOException {
        Path runDir = files.dir.getParent();
        Path script = runDir.resolve("peer-ctl");
        Path tmp = runDir.resolve(".peer-ctl." + files.node);
        Files.writeString(tmp, """
                #!/bin/sh
                # reactorctl on simulated node $1, as ssh root@$1 reactorctl would run it there
                node=$1; cmd=$2; shift 2
                exec %s "$cmd" -c %s/"$node"/etc/reactord.toml "$@"
                """.formatted(reactorctl, runDir), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, script, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a reactorctl JVM per peer on a loaded 2-core machine: a generous timeout
        Files.writeString(files.etc.resolve("reactord.toml"), """

                [peers]
                command = ["%s", "{node}"]
                timeout = "60s"
                """.formatted(script), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
