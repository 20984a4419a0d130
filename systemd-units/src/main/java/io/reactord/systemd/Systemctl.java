package io.reactord.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * reactorctl's link to systemd: runs {@code systemctl}, and is the forked-process {@link UnitStateSource}. Reading the state of every unit of a status
 * report is one {@code systemctl show} call (tens of milliseconds), where a D-Bus session would cost a
 * short-lived JVM several hundred. The command prefix is {@code systemctl}; the environment variable
 * {@value #ENV} replaces it (e.g. {@code "systemctl --user"} to talk to a user manager in tests).
 *
 * <p>{@code systemctl show} reads every property of every unit it names (about 2 ms a unit), so the
 * states of many units are read in bulk: {@code busctl}'s {@code ListUnitsByNames} gives the load, active
 * and sub state of all of them in one call, and {@code systemctl show} runs only for the units whose other
 * properties can differ from the defaults of a stopped unit (see {@link #show(List)}).
 */
public final class Systemctl implements UnitStateSource {
    /** Environment variable overriding the systemctl command (split at whitespace). */
    public static final String ENV = "REACTORCTL_SYSTEMCTL";

    static final String PROPERTIES = "Id,LoadState,ActiveState,SubState,FreezerState,UnitFileState,Result";
    /** Above this many units {@link #show(List)} lists them through busctl first; below, one process is cheaper. */
    static final int BULK_THRESHOLD = 12;

    private final List<String> prefix;
    private final Map<String, String> env;
    private final long timeoutMs;
    /** The busctl command, or null to derive it from the prefix. */
    private final List<String> busctl;

    /** The outcome of one call. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The first non-empty line of stderr (or stdout), for one-line error messages. */
        public String message() {
            for (String s : new String[] {stderr, stdout}) {
                for (String l : s.split("\n")) {
                    if (!l.isBlank()) {
                        return l.strip();
                    }
                }
            }
            return "exit code " + exitCode;
        }
    }

    /** A call that could not be made or did not succeed. */
    public static final class SystemctlException extends Exception {
        public SystemctlException(String message) {
            super(message);
        }
    }

    public Systemctl(List<String> prefix, Map<String, String> env, long timeoutMs) {
        this(prefix, env, timeoutMs, null);
    }

    private Systemctl(List<String> prefix, Map<String, String> env, long timeoutMs, List<String> busctl) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("empty systemctl command");
        }
        this.prefix = List.copyOf(prefix);
        this.env = Map.copyOf(env);
        this.timeoutMs = timeoutMs;
        this.busctl = busctl == null ? null : List.copyOf(busctl);
    }

    /** {@code systemctl}, or the command in {@value #ENV}. */
    public static Systemctl fromEnvironment() {
        String s = System.getenv(ENV);
        List<String> prefix = s == null || s.isBlank() ? List.of("systemctl") : Arrays.asList(s.trim().split("\\s+"));
        return new Systemctl(prefix, Map.of(), 90_000);
    }

    /** The same command with extra environment variables for the child (tests: the bus address). */
    public Systemctl withEnv(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(extra);
        return new Systemctl(prefix, all, timeoutMs, busctl);
    }

    /** The same command with this busctl command instead of the one derived from the prefix (tests). */
    Systemctl withBusctl(List<String> command) {
        return new Systemctl(prefix, env, timeoutMs, command);
    }

    /** The command prefix, for messages that tell the operator what to run. */
    public String command() {
        return String.join(" ", prefix);
    }

    /** Runs {@code systemctl ARGS}; never throws for a non-zero exit, only when it cannot run at all. */
    public Result run(String... args) throws SystemctlException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("--no-pager");
        cmd.addAll(Arrays.asList(args));
        try {
            return exec(cmd, command() + " " + String.join(" ", args));
        } catch (IOException e) {
            throw new SystemctlException("cannot run " + prefix.get(0) + ": " + e.getMessage());
        }
    }

    /** Runs {@code cmd} (named {@code what} in errors) with this command's environment; IOException when it cannot start. */
    private Result exec(List<String> cmd, String what) throws IOException, SystemctlException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String[] errText = {""};
        Thread err = new Thread(() -> errText[0] = drain(p.getErrorStream()), "reactorctl-systemctl-stderr");
        err.setDaemon(true);
        err.start();
        String out = drain(p.getInputStream());
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SystemctlException(what + ": no answer within " + timeoutMs / 1000 + " s");
            }
            err.join(timeoutMs);
            return new Result(p.exitValue(), out, errText[0]);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SystemctlException("interrupted");
        }
    }

    /** Runs {@code systemctl ARGS} and fails with its error message unless it exits 0. */
    public Result must(String... args) throws SystemctlException {
        Result r = run(args);
        if (!r.ok()) {
            throw new SystemctlException(command() + " " + String.join(" ", args) + ": " + r.message());
        }
        return r;
    }

    /**
     * The state of each unit, in the order asked. A unit systemd does not know reads {@code not-found}/
     * {@code inactive}. Up to {@value #BULK_THRESHOLD} units are one {@code systemctl show}; more are listed
     * through busctl first (see {@link #show(List, boolean)}).
     */
    public Map<String, UnitState> show(List<String> units) throws SystemctlException {
        return show(units, units.size() > BULK_THRESHOLD);
    }

    /** {@link #show(List)} as a {@link UnitStateSource}. */
    @Override
    public Map<String, UnitState> read(List<String> units) throws Unreadable {
        try {
            return show(units);
        } catch (SystemctlException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /**
     * With {@code bulk}: one busctl {@code ListUnitsByNames} for all units, then one {@code systemctl show}
     * for those not stopped or masked; stopped units are completed as {@link ListedUnits#merge} says (their
     * unit file state stays empty: it costs a call per unit, and only a mask matters here). Any doubt (a
     * prefix other than systemctl with connection options, busctl missing or failing, a unit not listed,
     * e.g. an invalid name) falls back to one {@code systemctl show} of every unit.
     */
    Map<String, UnitState> show(List<String> units, boolean bulk) throws SystemctlException {
        if (bulk && !units.isEmpty()) {
            Map<String, UnitState> fast = bulk(units);
            if (fast != null) {
                return fast;
            }
        }
        return showAll(units);
    }

    private Map<String, UnitState> showAll(List<String> units) throws SystemctlException {
        Map<String, UnitState> out = new LinkedHashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        List<String> args = new ArrayList<>(List.of("show", "--property=" + PROPERTIES));
        args.addAll(units);
        Result r = run(args.toArray(String[]::new));
        List<Map<String, String>> blocks = blocks(r.stdout());
        if (blocks.size() != units.size()) {
            throw new SystemctlException(command() + " show: " + r.message());
        }
        for (int i = 0; i < units.size(); i++) {
            out.put(units.get(i), UnitState.of(units.get(i), blocks.get(i)));
        }
        return out;
    }

    /** The bulk read, or null when busctl cannot answer for every unit. */
    private Map<String, UnitState> bulk(List<String> units) throws SystemctlException {
        List<String> cmd = new ArrayList<>(busctl != null ? busctl : ListedUnits.busctlFor(prefix).orElse(List.of()));
        if (cmd.isEmpty()) {
            return null;
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(units));
        cmd.addAll(ListedUnits.callArgs(distinct));
        List<ListedUnits.Row> rows;
        try {
            Result r = exec(cmd, cmd.get(0) + " call ListUnitsByNames");
            rows = r.ok() ? ListedUnits.parse(r.stdout()) : List.of();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (rows.size() != distinct.size()) {
            return null; // ListUnitsByNames leaves out names it cannot load
        }
        return ListedUnits.merge(units, distinct, rows, showAll(ListedUnits.toShow(distinct, rows)));
    }

    /** {@code Key=Value} blocks separated by empty lines, as {@code systemctl show} prints them. */
    static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                cur = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            if (cur == null) {
                cur = new LinkedHashMap<>();
                out.add(cur);
            }
            cur.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
