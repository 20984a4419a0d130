package io.reactord.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One running {@code drbdsetup events2 --full} on one simulated node: remembers what it printed so that state
 * changes come out as {@code change} lines of the objects that changed, and a poll ({@code n}) prints the
 * objects whose state or statistics changed since they were last printed, like drbdsetup's own object tree.
 */
public final class Events2Subscription {
    private final SimCluster cluster;
    private final String node;
    private final String resource;
    private final Events2Listener listener;
    private final Map<String, String> printedState = new HashMap<>();
    private final Map<String, String> printedFull = new HashMap<>();
    private boolean closed;

    Events2Subscription(SimCluster cluster, String node, String resource, Events2Listener listener) {
        this.cluster = cluster;
        this.node = node;
        this.resource = resource;
        this.listener = listener;
    }

    public String node() {
        return node;
    }

    /** Whether this stream shows {@code res} (the positional resource argument, or all). */
    boolean shows(String res) {
        return resource == null || resource.equals(res);
    }

    void dump(Map<String, List<ObjectLine>> views) {
        List<String> out = new ArrayList<>();
        for (List<ObjectLine> view : views.values()) {
            for (ObjectLine o : view) {
                out.add(o.render("exists"));
                remember(o);
            }
        }
        out.add("exists -");
        listener.lines(out);
    }

    /**
     * Prints what changed in one resource's objects: {@code create} for new ones, {@code change} for changed ones,
     * {@code destroy} (children first) for printed objects of resource {@code name} that are gone, then the helper
     * lines.
     */
    void push(List<ObjectLine> view, List<String> helpers, String name) {
        if (closed) {
            return;
        }
        List<String> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (ObjectLine o : view) {
            present.add(o.identity());
        }
        List<String> gone = new ArrayList<>();
        for (String id : printedState.keySet()) {
            if (!present.contains(id) && belongsTo(id, name)) {
                gone.add(id);
            }
        }
        gone.sort(java.util.Comparator.comparingInt(Events2Subscription::destroyRank).thenComparing(x -> x));
        for (String id : gone) {
            out.add("destroy " + id);
            printedState.remove(id);
            printedFull.remove(id);
        }
        for (ObjectLine o : view) {
            String id = o.identity();
            String before = printedState.get(id);
            if (before == null) {
                out.add(o.render("create"));
                remember(o);
            } else if (!before.equals(o.stateSignature())) {
                out.add(o.render("change"));
                remember(o);
            }
        }
        out.addAll(helpers);
        if (!out.isEmpty()) {
            listener.lines(out);
        }
    }

    /** Whether the object with this identity ({@code OBJECT name:RES ...}) belongs to resource {@code name}. */
    private static boolean belongsTo(String identity, String name) {
        String[] t = identity.split(" ", 3);
        return t.length > 1 && t[1].equals("name:" + name);
    }

    /** Children before parents, as drbdsetup prints destroyed objects. */
    private static int destroyRank(String identity) {
        String object = identity.substring(0, identity.indexOf(' '));
        return switch (object) {
            case "path" -> 0;
            case "peer-device" -> 1;
            case "connection" -> 2;
            case "device" -> 3;
            default -> 4;
        };
    }

    /** The node renamed a resource: prints the rename line and keys everything printed under the new name. */
    void renamed(String from, String to) {
        if (closed) {
            return;
        }
        for (Map<String, String> m : List.of(printedState, printedFull)) {
            Map<String, String> moved = new HashMap<>();
            m.entrySet().removeIf(e -> {
                String id = e.getKey();
                if (!belongsTo(id, from)) {
                    return false;
                }
                moved.put(rename(id, from, to), rename(e.getValue(), from, to));
                return true;
            });
            m.putAll(moved);
        }
        listener.lines(List.of("rename resource name:" + from + " new_name:" + to));
    }

    private static String rename(String signature, String from, String to) {
        return (" " + signature + " ").replace(" name:" + from + " ", " name:" + to + " ").strip();
    }

    /** Answers an {@code n} poll: change lines for every object whose printed form moved. */
    public void poll() {
        synchronized (cluster) {
            if (closed) {
                return;
            }
            List<String> out = new ArrayList<>();
            for (List<ObjectLine> view : cluster.views(node, this).values()) {
                for (ObjectLine o : view) {
                    String before = printedFull.get(o.identity());
                    if (before == null) {
                        out.add(o.render("create"));
                        remember(o);
                    } else if (!before.equals(o.fullSignature())) {
                        out.add(o.render("change"));
                        remember(o);
                    }
                }
            }
            if (!out.isEmpty()) {
                listener.lines(out);
            }
        }
    }

    /** Stops the stream without notifying the listener (the client went away). */
    public void close() {
        synchronized (cluster) {
            closed = true;
            cluster.unsubscribe(this);
        }
    }

    void end(String reason) {
        if (!closed) {
            closed = true;
            listener.ended(reason);
        }
    }

    boolean closed() {
        return closed;
    }

    private void remember(ObjectLine o) {
        printedState.put(o.identity(), o.stateSignature());
        printedFull.put(o.identity(), o.fullSignature());
    }
}
