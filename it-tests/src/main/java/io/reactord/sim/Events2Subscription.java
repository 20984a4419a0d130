package io.reactord.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    void push(List<ObjectLine> view, List<String> helpers) {
        if (closed) {
            return;
        }
        List<String> out = new ArrayList<>();
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
