package io.reactord.systemd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a transient systemd service through {@code systemd-run --wait}: outside the caller's
 * sandbox (the manager starts it, with the manager's view of the file system), its output in the journal
 * under the unit's name, {@code RuntimeMaxSec=} as the timeout, and on timeout the whole cgroup killed —
 * descendants that left the process group ({@code setsid}) included. This class builds the command line
 * and reads {@code systemd-run}'s report; the caller runs the process.
 *
 * @param systemdRun  the {@code systemd-run} executable
 * @param userManager {@code --user}: the caller's user manager instead of the system manager (tests)
 * @param clientEnv   extra environment for {@code systemd-run} itself, e.g. the bus address
 */
public record TransientRun(Path systemdRun, boolean userManager, Map<String, String> clientEnv) {

    private static final Pattern EXITED = Pattern.compile("code=exited/status=(\\d+)");
    private static final Pattern KILLED = Pattern.compile("code=(?:killed|dumped)/status=([A-Z0-9]+)");
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ABRT", 6,
            "KILL", 9, "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

    public TransientRun {
        Objects.requireNonNull(systemdRun, "systemdRun");
        clientEnv = Map.copyOf(clientEnv);
    }

    /**
     * The system manager's {@code systemd-run} when this host runs systemd ({@code /run/systemd/system}
     * exists, as {@code sd_booted()} checks) and the executable is installed; empty otherwise, and the
     * caller spawns directly.
     */
    public static Optional<TransientRun> detect() {
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            return Optional.empty();
        }
        for (String p : List.of("/usr/bin/systemd-run", "/bin/systemd-run")) {
            if (Files.isExecutable(Path.of(p))) {
                return Optional.of(new TransientRun(Path.of(p), false, Map.of()));
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code systemd-run} command line that runs {@code command} as service {@code unit} with exactly
     * the variables {@code env} added to the manager's environment, working directory {@code /}, stdin
     * from {@code /dev/null}, and, when {@code timeout} is not null, {@code RuntimeMaxSec=} (rounded up to
     * whole seconds) after which systemd stops the unit (SIGTERM, SIGKILL 5 s later, to the whole cgroup).
     */
    public List<String> argv(String unit, String description, Map<String, String> env, Duration timeout,
            List<String> command) {
        SystemdNames.requireValidUnitName(unit);
        List<String> a = new ArrayList<>(List.of(systemdRun.toString()));
        if (userManager) {
            a.add("--user");
        }
        a.addAll(List.of("--wait", "--collect", "--service-type=exec", "--unit=" + unit,
                "--description=" + description.replaceAll("[\\x00-\\x1f\\x7f]", " "),
                "--property=WorkingDirectory=/", "--property=TimeoutStopSec=5s", "--property=KillMode=control-group"));
        if (timeout != null) {
            long s = Math.max(1, (timeout.toMillis() + 999) / 1000);
            a.add("--property=RuntimeMaxSec=" + s + "s");
        }
        env.forEach((k, v) -> a.add("--setenv=" + k + "=" + v));
        a.add("--");
        a.addAll(command);
        return a;
    }

    /**
     * What {@code systemd-run --wait} reported.
     *
     * @param started    the unit was created (otherwise nothing ran: no manager, refused, …)
     * @param timedOut   systemd stopped it at {@code RuntimeMaxSec=}
     * @param exitStatus the main process's exit status, {@code 128+N} when killed by signal N; null when unknown
     */
    public record Report(boolean started, boolean timedOut, Integer exitStatus) {}

    /** Reads {@code systemd-run}'s exit code and its combined output (without {@code --quiet}). */
    public static Report parse(int exitCode, String output) {
        boolean started = output.contains("Running as unit: ");
        boolean timedOut = output.contains("Finished with result: timeout");
        Integer status = null;
        Matcher m = EXITED.matcher(output);
        if (m.find()) {
            status = Integer.parseInt(m.group(1));
        } else {
            Matcher k = KILLED.matcher(output);
            if (k.find()) {
                Integer sig = SIGNALS.get(k.group(1));
                status = sig == null ? exitCode : 128 + sig;
            } else if (started) {
                status = exitCode;
            }
        }
        return new Report(started, timedOut, status);
    }
}
