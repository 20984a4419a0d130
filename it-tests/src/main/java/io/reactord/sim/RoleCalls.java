package io.reactord.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fault suite's invariants I8 and I9 read from the model: every {@code primary}/{@code secondary} call a
 * node made (through the fake tools or in-process), with what the node was at that instant, and the marks the
 * harness leaves through {@code drbdsim mark} (the escalation unit's failure). Thread-safe.
 */
public final class RoleCalls {

    /**
     * One role change request.
     *
     * @param atMs       model time
     * @param node       the node that asked
     * @param resource   the resource
     * @param promote    {@code primary} (true) or {@code secondary} (false)
     * @param force      {@code --force} was given
     * @param ok         the call succeeded
     * @param wasPrimary the node was Primary when it asked
     * @param openers    how many openers held the device (the mount-like unit holds it while active)
     */
    public record Call(long atMs, String node, String resource, boolean promote, boolean force, boolean ok,
                       boolean wasPrimary, int openers) {
        @Override
        public String toString() {
            return node + " " + (promote ? "primary" : "secondary") + (force ? " --force" : "") + " " + resource
                    + (ok ? " ok" : " failed") + " at " + atMs + " ms (" + (wasPrimary ? "Primary" : "Secondary")
                    + ", " + openers + " openers)";
        }
    }

    /** A mark left by the harness on a node: {@code text} at model time {@code atMs}. */
    public record Mark(long atMs, String node, String resource, String text) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    synchronized void call(Call c) {
        if (calls.size() < 100_000) {
            calls.add(c);
        }
    }

    synchronized void mark(Mark m) {
        if (marks.size() < 10_000) {
            marks.add(m);
        }
    }

    /** Calls from index {@code from} on (callers keep a cursor). */
    public synchronized List<Call> calls(int from) {
        return from >= calls.size() ? List.of() : List.copyOf(calls.subList(from, calls.size()));
    }

    /** Marks from index {@code from} on. */
    public synchronized List<Mark> marks(int from) {
        return from >= marks.size() ? List.of() : List.copyOf(marks.subList(from, marks.size()));
    }

    /** Every call of {@code node} up to {@code atMs}, newest last. */
    public synchronized List<Call> callsOf(String node, long atMs) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.node().equals(node) && c.atMs() <= atMs) {
                out.add(c);
            }
        }
        return out;
    }
}
