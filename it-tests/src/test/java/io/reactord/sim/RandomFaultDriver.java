package io.reactord.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Drives a {@link SimCluster} with seeded random faults and operations, checking DRBD's safety properties after
 * every step: never two quorate Primaries (I1 at the DRBD level), no diverging data (I4), every acknowledged write
 * readable on every node promoted later (I2). Collects every node's events2 lines.
 */
final class RandomFaultDriver {
    final SimCluster c;
    final Random rnd;
    final String res;
    final Map<String, Recorder> recorders = new LinkedHashMap<>();
    final List<String> allLines = new ArrayList<>();
    final Set<Long> acked = new HashSet<>();
    final List<String> log = new ArrayList<>();
    int promotions;
    int ackedTotal;
    long seq;

    RandomFaultDriver(SimCluster c, long seed, String res) {
        this.c = c;
        this.rnd = new Random(seed);
        this.res = res;
        for (String n : c.nodeNames()) {
            subscribe(n);
        }
    }

    private void subscribe(String n) {
        Recorder old = recorders.get(n);
        if (old != null) {
            allLines.addAll(old.lines);
        }
        Recorder r = new Recorder();
        c.subscribe(n, null, r);
        recorders.put(n, r);
    }

    List<String> lines() {
        List<String> out = new ArrayList<>(allLines);
        recorders.values().forEach(r -> out.addAll(r.lines));
        return out;
    }

    private String any(List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private List<String> upNodes() {
        return c.nodeNames().stream().filter(c::isUp).toList();
    }

    /** One random step, then the invariant check; returns a problem or null. */
    String step() {
        List<String> up = upNodes();
        List<String> down = c.nodeNames().stream().filter(n -> !c.isUp(n)).toList();
        int k = rnd.nextInt(100);
        if (k < 4 && !up.isEmpty()) {
            String n = any(up);
            log.add("crash " + n);
            c.crash(n);
        } else if (k < 14 && !down.isEmpty()) {
            String n = any(down);
            log.add("restart " + n);
            c.restart(n);
            subscribe(n);
        } else if (k < 19) {
            List<Set<String>> groups = new ArrayList<>();
            for (String n : c.nodeNames()) {
                int g = rnd.nextInt(3);
                while (groups.size() <= g) {
                    groups.add(new HashSet<>());
                }
                groups.get(g).add(n);
            }
            if (rnd.nextInt(4) == 0) {
                groups.add(new HashSet<>(List.of(any(c.nodeNames()), any(c.nodeNames()))));
            }
            log.add("partition " + groups);
            c.partition(groups);
        } else if (k < 22) {
            String a = any(c.nodeNames());
            String b = any(c.nodeNames());
            if (!a.equals(b)) {
                log.add("cut " + a + ">" + b);
                c.cutLink(a, b, rnd.nextBoolean());
            }
        } else if (k < 30) {
            log.add("heal");
            c.heal();
        } else if (k < 44 && !up.isEmpty()) {
            List<String> promotable = up.stream().filter(n -> c.mayPromote(n, res)).toList();
            String n = !promotable.isEmpty() && rnd.nextInt(5) > 0 ? any(promotable) : any(up);
            boolean wasPrimary = c.role(n, res) == Role.PRIMARY;
            ToolResult r = c.promote(n, res, false);
            log.add("promote " + n + " -> " + r.exitCode());
            if (r.success() && !wasPrimary) {
                promotions++;
                ToolResult read = c.read(n, res);
                if (!read.success()) {
                    return "new Primary " + n + " cannot read: " + read.stderr();
                }
                Set<Long> have = new HashSet<>();
                for (String s : read.stdout().split("\n")) {
                    if (!s.isEmpty()) {
                        have.add(Long.parseLong(s));
                    }
                }
                for (long a : acked) {
                    if (!have.contains(a)) {
                        return "I2: acknowledged write " + a + " missing on new Primary " + n;
                    }
                }
            }
        } else if (k < 50) {
            for (String p : c.primaries(res)) {
                if (!c.quorum(p, res, 0) || rnd.nextInt(4) == 0) {
                    log.add("demote " + p);
                    c.demote(p, res, true);
                }
            }
        } else if (k < 75) {
            for (String p : c.primaries(res)) {
                long s = ++seq;
                if (c.write(p, res, s).success()) {
                    acked.add(s);
                    ackedTotal++;
                }
            }
        } else if (k < 77 && !up.isEmpty()) {
            String n = any(up);
            if (rnd.nextInt(3) == 0) {
                log.add("detach " + n);
                c.detachDisk(n, res, 0, rnd.nextBoolean());
                forgetWritesOnlyOn(n);
            } else {
                log.add("attach " + n);
                c.attachDisk(n, res, 0);
            }
        } else if (k < 78 && !up.isEmpty()) {
            String n = any(up);
            log.add("shutdown " + n + " -> " + c.shutdown(n).exitCode());
        } else {
            long ms = rnd.nextInt(300);
            c.runFor(ms);
        }
        return check();
    }

    /**
     * A detached disk that held the only copy of acknowledged writes (possible with a diskless tiebreaker or
     * {@code quorum-minimum-redundancy off}) loses them: a double fault, not a promotion error, so I2 stops
     * tracking them.
     */
    private void forgetWritesOnlyOn(String detached) {
        Set<Long> elsewhere = new HashSet<>();
        for (String m : c.nodeNames()) {
            if (!m.equals(detached) && c.disk(m, res, 0) != DiskState.DISKLESS) {
                elsewhere.addAll(c.data(m, res));
            }
        }
        acked.retainAll(elsewhere);
    }

    String check() {
        int quorate = 0;
        for (String p : c.primaries(res)) {
            boolean q = true;
            for (int v = 0; v < c.resourceSpec(res).volumes(); v++) {
                q &= c.quorum(p, res, v);
            }
            if (q) {
                quorate++;
            }
        }
        if (quorate > 1) {
            return "two quorate Primaries: " + c.primaries(res);
        }
        if (!c.divergences(res).isEmpty()) {
            return "I4: diverging data " + c.divergences(res);
        }
        if (!c.splitBrains().isEmpty()) {
            return "I4: split brain " + c.splitBrains();
        }
        return null;
    }

    String lastSteps() {
        return String.join("; ", log.subList(Math.max(0, log.size() - 25), log.size()));
    }
}
