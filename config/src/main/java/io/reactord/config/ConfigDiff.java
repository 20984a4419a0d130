package io.reactord.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compares the promoter resources of two configurations, for reload. */
public final class ConfigDiff {
    private ConfigDiff() {}

    /**
     * Every resource name of either configuration with its change: first the old resources in
     * order (unchanged, changed or removed), then the added ones in the new order. Settings are
     * compared ignoring where they were written ({@code source}, {@code line}), so moving a resource
     * to another snippet is no change.
     */
    public static Map<String, ResourceChange> diff(ReactordConfig old, ReactordConfig neu) {
        Map<String, PromoterResource> before = old == null ? Map.of() : old.resources();
        Map<String, PromoterResource> after = neu == null ? Map.of() : neu.resources();
        Map<String, ResourceChange> out = new LinkedHashMap<>();
        for (Map.Entry<String, PromoterResource> e : before.entrySet()) {
            PromoterResource n = after.get(e.getKey());
            if (n == null) out.put(e.getKey(), ResourceChange.REMOVED);
            else out.put(e.getKey(), e.getValue().sameSettings(n) ? ResourceChange.UNCHANGED : ResourceChange.CHANGED);
        }
        for (String name : after.keySet()) {
            if (!before.containsKey(name)) out.put(name, ResourceChange.ADDED);
        }
        return Collections.unmodifiableMap(out);
    }
}
