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
 * iteration. Read-only as a {@link Map}; {@link ClusterState} changes it through {@link #set} and
 * {@link #delete}.
 */
final class ResourceMap extends AbstractMap<String, ResourceInfo> {
    /** A resource's place in both structures; replacing the resource writes only the slot. */
    private static final class Slot {
        ResourceInfo value;

        Slot(ResourceInfo value) {
            this.value = value;
        }
    }

    private final Map<String, Slot> index = new HashMap<>();
    private final TreeMap<String, Slot> ordered = new TreeMap<>();

    @Override
    public ResourceInfo get(Object name) {
        Slot s = index.get(name);
        return s == null ? null : s.value;
    }

    @Override
    public boolean containsKey(Object name) {
        return index.containsKey(name);
    }

    @Override
    public int size() {
        return index.size();
    }

    void set(ResourceInfo r) {
        Slot s = index.get(r.name());
        if (s != null) {
            s.value = r;
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
        return s.value;
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
                        return new SimpleImmutableEntry<>(e.getKey(), e.getValue().value);
                    }
                };
            }
        };
    }
}
