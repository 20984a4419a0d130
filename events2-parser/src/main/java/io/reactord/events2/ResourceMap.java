package io.reactord.events2;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The resources of a {@link ClusterState} by name: a hash index for the lookup and replacement every
 * line makes (one hash of the name, no tree walk), and a name-ordered tree of the same slots for
 * iteration. Read-only as a {@link Map}; {@link ClusterState} changes it through {@link #set},
 * {@link #delete} and the slot's {@link PendingStats}. Every read through the map ({@link #get}, the
 * entries) folds a slot's pending statistics into its tree first, so readers only ever see whole trees.
 */
final class ResourceMap extends AbstractMap<String, ResourceInfo> {
    /** A resource's place in both structures; replacing the resource writes only the slot. */
    static final class Slot {
        /** The tree as last built: its state fields are current, its statistics may be older. */
        ResourceInfo value;
        /** Statistics newer than {@link #value}'s, or null when there are none. */
        PendingStats pending;
        /** True once the resource is gone from the map (a holder of the slot must look it up again). */
        boolean removed;
        /** The byte path's templates of this resource's objects ({@link StatsTemplate#of}), or null. */
        StatsTemplate[] templates;

        Slot(ResourceInfo value) {
            this.value = value;
        }

        /** The tree with the pending statistics folded in (built once, then kept). */
        ResourceInfo current() {
            if (pending != null) {
                value = pending.applyTo(value);
                pending = null;
            }
            return value;
        }

        /** The side structure for statistics newer than the tree (created on first use). */
        PendingStats pending() {
            if (pending == null) {
                pending = new PendingStats();
            }
            return pending;
        }
    }

    private final Map<String, Slot> index = new HashMap<>();
    private final TreeMap<String, Slot> ordered = new TreeMap<>();

    @Override
    public ResourceInfo get(Object name) {
        Slot s = index.get(name);
        return s == null ? null : s.current();
    }

    @Override
    public boolean containsKey(Object name) {
        return index.containsKey(name);
    }

    @Override
    public int size() {
        return index.size();
    }

    /** The slot of a resource, or null; its tree is not brought up to date. */
    Slot slot(String name) {
        return index.get(name);
    }

    /** Stores a whole tree; it must have been built from {@link #get}'s (pending statistics folded in). */
    void set(ResourceInfo r) {
        Slot s = index.get(r.name());
        if (s != null) {
            s.value = r;
            s.pending = null;
            return;
        }
        s = new Slot(r);
        index.put(r.name(), s);
        ordered.put(r.name(), s);
    }

    ResourceInfo delete(String name) {
        Slot s = index.remove(name);
        if (s == null) {
            return null;
        }
        ordered.remove(name);
        s.removed = true;
        return s.current();
    }

    @Override
    public Set<Map.Entry<String, ResourceInfo>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return index.size();
            }

            @Override
            public Iterator<Map.Entry<String, ResourceInfo>> iterator() {
                Iterator<Map.Entry<String, Slot>> it = ordered.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<String, ResourceInfo> next() {
                        Map.Entry<String, Slot> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), e.getValue().current());
                    }
                };
            }
        };
    }
}
