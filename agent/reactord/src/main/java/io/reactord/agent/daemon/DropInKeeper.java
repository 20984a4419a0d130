package io.reactord.agent.daemon;

import io.reactord.systemd.DropInWriter;
import io.reactord.systemd.DropIns;
import io.reactord.systemd.UnitPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the drop-ins of the configuration on disk, but leaves those of a target that still runs on this node
 * in place even when the configuration no longer wants them (a resource disabled, removed, or its start list
 * changed while it runs): they carry the ordering that stops the services before {@code drbd-promote@} demotes,
 * so removing them under a running stack would make a later stop demote under mounted file systems. They go
 * at a later {@link #apply} once their target and its promote unit are inactive (or failed); the daemon calls
 * it again when such a unit changes state and on every statistics poll while {@link #waiting()} is not empty.
 *
 * <p>The owner of a drop-in is read from the file itself (the comment line every generated drop-in has), so
 * this holds across agent restarts too.
 */
final class DropInKeeper {
    private static final Pattern OWNER = Pattern.compile("^# DRBD resource (\\S+) \\(systemd-escaped\\)$");
    private static final String TARGET_PREFIX = "drbd-services@";
    private static final List<String> INSTANCE_PREFIXES = List.of(TARGET_PREFIX, "drbd-promote@", "drbd-demote-or-escalate@");

    /** Reads a unit's ActiveState; null when it cannot be read (then the unit counts as running). */
    @FunctionalInterface
    interface States {
        String activeState(String unit);
    }

    /** What one {@link #apply} did: the writer's result and the stale drop-ins kept, by target. */
    record Outcome(DropInWriter.Result written, Map<String, Set<String>> kept) {}

    private final Path unitDir;
    private final Path shim;
    private volatile Set<String> waiting = Set.of();

    DropInKeeper(Path unitDir, Path shim) {
        this.unitDir = unitDir;
        this.shim = shim;
    }

    /**
     * Writes the drop-ins of {@code plans}; removes the other drop-ins reactord wrote, except those whose target
     * is not known to be stopped.
     *
     * @throws IllegalArgumentException a plan the generator refuses (nothing is written then)
     * @throws java.io.UncheckedIOException the file system refuses
     */
    synchronized Outcome apply(Collection<UnitPlan> plans, States states) {
        return apply(plans, states, null);
    }

    /** As {@link #apply(Collection, States)}, also pointing the reload path unit at {@code snippetsDir} (if not null). */
    synchronized Outcome apply(Collection<UnitPlan> plans, States states, Path snippetsDir) {
        Set<String> wanted = new HashSet<>();
        for (UnitPlan p : plans) {
            wanted.addAll(DropIns.render(p, shim).keySet());
        }
        Map<String, Set<String>> kept = new TreeMap<>();
        Map<String, Boolean> stopped = new HashMap<>();
        for (Map.Entry<String, String> e : owners(unitDir).entrySet()) {
            String target = e.getValue();
            if (!wanted.contains(e.getKey()) && !stopped.computeIfAbsent(target, t -> stopped(t, states))) {
                kept.computeIfAbsent(target, t -> new TreeSet<>()).add(e.getKey());
            }
        }
        Set<String> keep = new HashSet<>();
        kept.values().forEach(keep::addAll);
        DropInWriter.Result r = new DropInWriter(shim).write(unitDir, plans, keep, snippetsDir);
        Set<String> w = new HashSet<>();
        for (String target : kept.keySet()) {
            w.add(target);
            w.add(promoteOf(target));
        }
        waiting = Set.copyOf(w);
        return new Outcome(r, kept);
    }

    Path unitDir() {
        return unitDir;
    }

    /** The targets (and their promote units) whose drop-ins were kept at the last {@link #apply}. */
    Set<String> waiting() {
        return waiting;
    }

    /** Both the target and its promote unit are inactive or failed. */
    private static boolean stopped(String target, States states) {
        return isDown(states.activeState(target)) && isDown(states.activeState(promoteOf(target)));
    }

    static boolean isDown(String activeState) {
        return "inactive".equals(activeState) || "failed".equals(activeState);
    }

    static String promoteOf(String target) {
        return "drbd-promote@" + target.substring(TARGET_PREFIX.length(), target.length() - ".target".length()) + ".service";
    }

    /**
     * The drop-ins reactord wrote in {@code dir}: unit → services target of the resource it was written for.
     * A file without an owner line is attributed through its unit name when that is one of the template
     * instances, and left out otherwise (it is then removed as before).
     */
    static Map<String, String> owners(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.d")) {
            for (Path d : ds) {
                String name = d.getFileName().toString();
                String unit = name.substring(0, name.length() - 2);
                Path file = d.resolve(DropInWriter.FILE_NAME);
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String target = ownerOf(unit, file);
                if (target != null) {
                    out.put(unit, target);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String ownerOf(String unit, Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!DropIns.HEADER.equals(r.readLine())) {
                return null;
            }
            String second = r.readLine();
            Matcher m = second == null ? null : OWNER.matcher(second);
            if (m != null && m.matches()) {
                return TARGET_PREFIX + m.group(1) + ".target";
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        for (String prefix : INSTANCE_PREFIXES) {
            int dot = unit.lastIndexOf('.');
            if (unit.startsWith(prefix) && dot > prefix.length()) {
                return TARGET_PREFIX + unit.substring(prefix.length(), dot) + ".target";
            }
        }
        return null;
    }
}
