package io.reactord.events2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reducer: merges events (partial {@code change} lines included) into an immutable per-resource tree
 * and reports each change of a field a promoter cares about as a {@link Change}. It tolerates what real
 * streams do: objects created on first mention (create before exists, children before parents), destroy
 * of unknown objects (ignored), renames, and a repeated initial dump. Single-threaded by design: one
 * owner (the agent's event loop) applies events in order.
 *
 * <p>Statistics: a line that changes no field of the tree but its statistics (and creates nothing) does
 * not rebuild the tree; its statistics wait in a side structure ({@link PendingStats}) and are folded in
 * when the resource is read ({@link #resource}, {@link #resources}) or rebuilt by a later line. Readers
 * see the same trees either way. Reads are therefore not pure: like {@link #apply}, they belong to the
 * owner's thread.
 *
 * <p>Dump tracking: {@link #initialDumpComplete()} turns true at {@code exists -}. When the events2 source
 * restarts, the owner calls {@link #beginDump()}; objects not re-reported before the next {@code exists -}
 * are then destroyed, so a restart with nothing changed yields no changes at all.
 */
public final class ClusterState {
    private final ResourceMap resources = new ResourceMap();
    private boolean dumpComplete;
    /** Object keys not yet re-reported during a repeated dump; null outside one. */
    private Set<ObjectKeys.Key> unconfirmed;
    /** The byte path for statistics-only lines (made on first use). */
    private StatsLine statsLine;

    /** True once {@code exists -} has been seen since construction or the last {@link #beginDump()}. */
    public boolean initialDumpComplete() {
        return dumpComplete;
    }

    /** The resources, by name (ascending). Unmodifiable view. */
    public Map<String, ResourceInfo> resources() {
        return Collections.unmodifiableMap(resources);
    }

    /** One resource, or null. */
    public ResourceInfo resource(String name) {
        return resources.get(name);
    }

    /** A new events2 process is starting: expect a full dump and forget what it does not report. */
    public void beginDump() {
        dumpComplete = false;
        unconfirmed = new HashSet<>();
        for (ResourceInfo r : resources.values()) {
            ObjectKeys.addAll(r, unconfirmed);
        }
    }

    /** Applies one event; returns the changes it caused (possibly none). */
    public List<Change> apply(Event e) {
        if (e instanceof Event.DumpComplete) {
            return completeDump();
        }
        if (e instanceof Event.Unparsed || e instanceof Event.Helper) {
            return List.of();
        }
        if (e instanceof Event.Rename) {
            return rename((Event.Rename) e);
        }
        List<Change> out = new ArrayList<>(); // no array until the first change
        Reducer.apply(this, e, out);
        return out;
    }

    /**
     * Parses and applies the events2 line {@code buf[from, to)} (UTF-8 bytes, trailing CR/LF ignored; the
     * region is not kept): the same as {@code apply(Events2Parser.parse(buf, from, to))}, but a line that
     * changes nothing but statistics takes {@link #applyStatistics}' byte path.
     */
    public List<Change> applyLine(byte[] buf, int from, int to) {
        if (applyStatistics(buf, from, to)) {
            return List.of();
        }
        return apply(Events2Parser.parse(buf, from, to));
    }

    /**
     * Applies the events2 line {@code buf[from, to)} when it changes nothing but statistics (a {@code change}
     * line of an object this state has, whose state fields, if any, equal the tree's: nearly every line of a
     * {@code --statistics} poll), straight from its bytes: no {@link Event}, no {@link Change}. Answers false,
     * having done nothing, for any other line (or one this path leaves to the general one): the caller then
     * parses and {@link #apply applies} it. Either way the state ends up the same. The region is not kept.
     */
    public boolean applyStatistics(byte[] buf, int from, int to) {
        StatsLine l = statsLine;
        if (l == null) {
            l = statsLine = new StatsLine();
        }
        return l.apply(this, buf, from, to);
    }

    /** Lines {@link #applyStatistics} took through a template of their object (for tests). */
    long templatedLines() {
        return statsLine == null ? 0 : statsLine.templated;
    }

    /** True when an object named by a line with this action counts as re-reported in a repeated dump. */
    boolean confirming(Action action) {
        return unconfirmed != null && action == Action.EXISTS;
    }

    void confirm(ObjectKeys.Key key) {
        unconfirmed.remove(key);
    }

    /** A resource's whole tree (pending statistics folded in), or null: what a line that rebuilds it starts from. */
    ResourceInfo get(String name) {
        return resources.get(name);
    }

    /** A resource's slot without bringing its tree up to date, or null: for statistics-only lines. */
    ResourceMap.Slot slot(String name) {
        return resources.slot(name);
    }

    void put(ResourceInfo r) {
        resources.set(r);
    }

    void remove(String name) {
        resources.delete(name);
    }

    private List<Change> completeDump() {
        List<Change> out = new ArrayList<>();
        if (unconfirmed != null && !unconfirmed.isEmpty()) {
            for (ObjectKeys.Key key : ObjectKeys.deepestFirst(unconfirmed)) {
                Reducer.apply(this, ObjectKeys.destroyEvent(key), out);
            }
        }
        unconfirmed = null;
        dumpComplete = true;
        return out;
    }

    private List<Change> rename(Event.Rename e) {
        ResourceInfo r = resources.get(e.name());
        if (r == null || e.name().equals(e.newName())) {
            return List.of();
        }
        resources.delete(e.name());
        ResourceInfo renamed = r.withName(e.newName());
        resources.set(renamed);
        if (unconfirmed != null) {
            Set<ObjectKeys.Key> moved = new HashSet<>();
            for (ObjectKeys.Key k : unconfirmed) {
                moved.add(ObjectKeys.renamed(k, e.name(), e.newName()));
            }
            unconfirmed = moved;
        }
        return List.of(new Change(e.newName(), Change.Field.RENAMED, null, null, e.name(), e.newName(), renamed));
    }
}
