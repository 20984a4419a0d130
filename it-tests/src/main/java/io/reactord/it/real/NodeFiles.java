package io.reactord.it.real;

import io.reactord.it.ClusterConfig;
import io.reactord.it.UnitFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of one simulated node under the run directory: fake tools, agent configuration, the test units and
 * their scripts, fault flags, and the logs the harness reads (acknowledged writes, unit starts and stops).
 */
final class NodeFiles {
    final String node;
    final Path dir;
    final Path bin;
    final Path etc;
    final Path state;
    final Path socket;
    final Path agentLog;
    final Path ackLog;
    final Path unitLog;
    final Path faults;
    final Path scripts;
    final Path shim;
    /** libfaketime's offset file for the agent's wall clock ({@code +0}: real time). */
    final Path faketime;
    /** The agent's metrics endpoint: 127.0.0.1 and a port free when the node was set up. */
    final int metricsPort;

    NodeFiles(Path runDir, String node) {
        this.node = node;
        this.dir = runDir.resolve(node);
        this.bin = dir.resolve("bin");
        this.etc = dir.resolve("etc");
        this.state = dir.resolve("state");
        this.socket = dir.resolve("reactord.sock");
        this.agentLog = dir.resolve("agent.log");
        this.ackLog = dir.resolve("acked.log");
        this.unitLog = dir.resolve("units.log");
        this.faults = dir.resolve("faults");
        this.scripts = dir.resolve("scripts");
        this.shim = dir.resolve("lib/reactord-shim");
        this.faketime = dir.resolve("faketime");
        this.metricsPort = freePort();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sets the agent's wall-clock offset (libfaketime reads the file at every clock read). */
    void wallClockOffset(long seconds) throws IOException {
        Path tmp = dir.resolve(".faketime.tmp");
        Files.writeString(tmp, (seconds < 0 ? "" : "+") + seconds + "\n");
        Files.move(tmp, faketime, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Creates the directories and scripts; the fake tools are installed by the simulator server. */
    void create() throws IOException {
        for (Path p : List.of(bin, etc.resolve("reactord.d"), state, faults, scripts, shim.getParent())) {
            Files.createDirectories(p);
        }
        for (Path p : List.of(agentLog, ackLog, unitLog)) {
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        }
        wallClockOffset(0);
        script("mount.sh", """
                #!/bin/bash
                # the mount-like unit of %2$s: opens the simulated DRBD device read-write (fails on a Secondary)
                echo "$1 %3$s" >> %1$s/units.log
                if [ "$1" = start ]; then
                    [ -e %1$s/faults/mount-fails ] && { echo "mount: simulated failure" >&2; exit 1; }
                    exec %1$s/bin/drbdsim open %2$s
                fi
                %1$s/bin/drbdsim close %2$s
                exit 0
                """.formatted(dir, ClusterConfig.RESOURCE, ClusterConfig.MOUNT_UNIT));
        script("controller.sh", """
                #!/bin/bash
                # the controller of %2$s: appends sequence numbers to the device, logs every acknowledged one
                echo "start %3$s" >> %1$s/units.log
                [ -e %1$s/faults/controller-exits-at-start ] && exit 1
                [ -e %1$s/faults/controller-stop-hangs ] && trap '' TERM
                if [ -e %1$s/faults/controller-crashes ]; then sleep 0.15; exit 1; fi
                while :; do
                    seq=${EPOCHREALTIME/./}
                    if %1$s/bin/drbdsim write %2$s "$seq" >/dev/null 2>&1; then
                        echo "$seq" >> %1$s/acked.log
                    fi
                    sleep 0.05
                done
                """.formatted(dir, ClusterConfig.RESOURCE, ClusterConfig.CONTROLLER_UNIT));
    }

    private void script(String name, String text) throws IOException {
        Path p = scripts.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The two test units, written into a manager's unit directory. */
    void writeTestUnits(Path unitDir) throws IOException {
        Files.createDirectories(unitDir);
        Files.writeString(unitDir.resolve(ClusterConfig.MOUNT_UNIT), """
                [Unit]
                Description=Mount-like unit of %2$s (simulated /var/lib/linstor)
                [Service]
                Type=oneshot
                RemainAfterExit=yes
                ExecStart=/bin/bash %1$s/mount.sh start
                ExecStop=/bin/bash %1$s/mount.sh stop
                """.formatted(scripts, ClusterConfig.RESOURCE));
        Files.writeString(unitDir.resolve(ClusterConfig.CONTROLLER_UNIT), """
                [Unit]
                Description=Simulated LINSTOR controller: writes to %3$s
                [Service]
                Type=simple
                ExecStart=/bin/bash %1$s/controller.sh
                ExecStopPost=/bin/sh -c 'echo "stop %2$s" >> %4$s'
                TimeoutStopSec=2
                """.formatted(scripts, ClusterConfig.CONTROLLER_UNIT, ClusterConfig.RESOURCE, unitLog));
        // I9: the escalation unit's failure (where its FailureAction= fires) is marked in the model
        Path escalate = unitDir.resolve("drbd-demote-or-escalate@.service.d");
        Files.createDirectories(escalate);
        Files.writeString(escalate.resolve("zz-fault-suite.conf"), """
                [Service]
                ExecStopPost=/bin/sh -c '[ "$$SERVICE_RESULT" = success ] || %s/drbdsim mark "$$0" "failure-action $$SERVICE_RESULT"' %%I
                """.formatted(bin));
    }

    /** The agent's main configuration and the promoter snippet. */
    void writeConfig(ClusterConfig cfg, Path unitDir) throws IOException {
        Files.writeString(etc.resolve("reactord.toml"), """
                # reactord configuration of simulated node %s (written by the fault suite)
                snippets = "%s"
                drbdsetup = "%s"
                unit-dir = "%s"
                state-dir = "%s"
                socket = "%s"
                """.formatted(node, etc.resolve("reactord.d"), bin.resolve("drbdsetup"), unitDir, state, socket)
                + (cfg.metrics() ? """

                [[prometheus]]
                address = "127.0.0.1:%d"
                enums = true
                """.formatted(metricsPort) : ""));
        writeSnippet(cfg);
    }

    /** The main resource's snippet and one per extra resource, {@code RES.toml} each. */
    void writeSnippet(ClusterConfig cfg) throws IOException {
        writeSnippet(cfg.resource(), cfg.snippet());
        for (Map.Entry<String, String> e : cfg.extraResources().entrySet()) {
            writeSnippet(e.getKey(), e.getValue());
        }
    }

    private void writeSnippet(String res, String text) throws IOException {
        Path tmp = etc.resolve("reactord.d/.promoter.tmp");
        Files.writeString(tmp, text.replace(ClusterConfig.NODE_DIR, dir.toString()));
        Files.move(tmp, etc.resolve("reactord.d/" + res + ".toml"),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void fault(UnitFault f, boolean on) throws IOException {
        Path flag = faults.resolve(switch (f) {
            case MOUNT_FAILS -> "mount-fails";
            case CONTROLLER_CRASHES -> "controller-crashes";
            case CONTROLLER_STOP_HANGS -> "controller-stop-hangs";
            case CONTROLLER_EXITS_AT_START -> "controller-exits-at-start";
            case DRBDSETUP_CANNOT_RUN -> "drbdsetup-cannot-run";
            case PRIMARY_HANGS -> "primary-hangs";
        });
        if (on) {
            Files.writeString(flag, "");
        } else {
            Files.deleteIfExists(flag);
        }
    }

    private long countedSize = -1;
    private List<String> countedLines = List.of();

    /** Counts lines {@code "<verb> <unit>"} in the unit log (read again only when it grew: the sampler asks often). */
    synchronized long count(String verb, String unit) {
        String want = verb + " " + unit;
        try {
            long size = Files.size(unitLog);
            if (size != countedSize) {
                countedLines = Files.readAllLines(unitLog);
                countedSize = size;
            }
            return countedLines.stream().filter(want::equals).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Acknowledged sequence numbers. */
    List<Long> acked() {
        List<Long> out = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(ackLog)) {
                if (!l.isBlank()) {
                    try {
                        out.add(Long.parseLong(l.strip()));
                    } catch (NumberFormatException e) {
                        // a line cut short by a crash
                    }
                }
            }
        } catch (IOException e) {
            // nothing acknowledged yet
        }
        return out;
    }
}
