package io.reactord.agent.promoter;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of one {@link Promoter} step and the operations on its target: each start, stop or freeze
 * is numbered, and only the result of the latest one is awaited (older results are stale); whether the
 * service units are frozen.
 */
final class TargetOps {
    private List<Command> out = new ArrayList<>();
    private long seq;
    private long awaited = -1;
    private boolean frozen;

    /** Starts a step; returns the list the step's commands are added to. */
    List<Command> begin() {
        out = new ArrayList<>();
        return out;
    }

    /** Whether no operation's result is awaited. */
    boolean idle() {
        return awaited == -1;
    }

    /** Whether {@code op} is the operation whose result is awaited. */
    boolean awaits(long op) {
        return op == awaited;
    }

    /** The awaited result arrived. */
    void done() {
        awaited = -1;
    }

    /** Resets and starts the target: a new operation whose result is awaited. */
    void start(String target, String why) {
        long op = ++seq;
        awaited = op;
        out.add(new Command.ResetFailed(target));
        out.add(new Command.Start(target, why, op));
    }

    /** Stops the target: a new operation whose result is awaited. */
    void stop(String target, String why) {
        long op = ++seq;
        awaited = op;
        out.add(new Command.Stop(target, why, op));
    }

    boolean frozen() {
        return frozen;
    }

    /** Freezes each unit; the last freeze's result is awaited, earlier failures show in the unit state. */
    void freeze(List<String> units, String reason) {
        frozen = true;
        for (String u : units) {
            long op = ++seq;
            awaited = op;
            out.add(new Command.Freeze(u, reason, op));
        }
    }

    /** Thaws each unit when frozen; no result is awaited. */
    void thaw(List<String> units, String reason) {
        if (!frozen) {
            return;
        }
        frozen = false;
        for (String u : units) {
            out.add(new Command.Thaw(u, reason, ++seq));
        }
        awaited = -1;
    }
}
