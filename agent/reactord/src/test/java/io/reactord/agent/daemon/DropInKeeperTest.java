package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.UnitPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DropInKeeperTest {
    private static final Path SHIM = Path.of("/usr/libexec/reactord/reactord-shim");

    @TempDir
    Path dir;

    private final Map<String, String> states = new HashMap<>();

    private static UnitPlan plan(String res, String... units) {
        return new UnitPlan(res, List.of(units), "Requires", "Requires", "none", true);
    }

    private boolean has(String unit) {
        return Files.exists(dir.resolve(unit + ".d/reactor.conf"));
    }

    @Test
    void apply_resourceRemovedWhileTargetActive_keepsItsDropInsUntilStopped() {
        DropInKeeper k = new DropInKeeper(dir, SHIM);
        k.apply(List.of(plan("r0", "db.mount", "ctl.service"), plan("r1", "other.service")), states::get);
        states.put("drbd-services@r0.target", "active");
        states.put("drbd-promote@r0.service", "active");
        states.put("drbd-services@r1.target", "inactive");
        states.put("drbd-promote@r1.service", "inactive");

        DropInKeeper.Outcome o = k.apply(List.of(), states::get);

        assertEquals(Map.of("drbd-services@r0.target", Set.of("db.mount", "ctl.service", "drbd-services@r0.target",
                "drbd-promote@r0.service", "drbd-demote-or-escalate@r0.service")), o.kept());
        assertTrue(has("ctl.service") && has("db.mount") && has("drbd-promote@r0.service"));
        assertFalse(has("other.service") || has("drbd-services@r1.target"), "r1 is stopped: its drop-ins go");
        assertEquals(Set.of("drbd-services@r0.target", "drbd-promote@r0.service"), k.waiting());

        states.put("drbd-services@r0.target", "inactive");
        k.apply(List.of(), states::get);
        assertTrue(has("ctl.service"), "the promote unit still runs (demotion under way): kept");

        states.put("drbd-promote@r0.service", "failed");
        DropInKeeper.Outcome done = k.apply(List.of(), states::get);
        assertEquals(Map.of(), done.kept());
        assertFalse(has("ctl.service") || has("db.mount") || has("drbd-services@r0.target"));
        assertEquals(Set.of(), k.waiting());
        assertEquals(5, done.written().removed().size());
    }

    @Test
    void apply_startListShrinksWhileActive_keepsTheDroppedUnitsDropIn() throws Exception {
        DropInKeeper k = new DropInKeeper(dir, SHIM);
        k.apply(List.of(plan("r0", "db.mount", "ctl.service")), states::get);
        states.put("drbd-services@r0.target", "deactivating");
        states.put("drbd-promote@r0.service", "active");

        DropInKeeper.Outcome o = k.apply(List.of(plan("r0", "db.mount")), states::get);

        assertEquals(Map.of("drbd-services@r0.target", Set.of("ctl.service")), o.kept());
        assertTrue(Files.readString(dir.resolve("ctl.service.d/reactor.conf")).contains("PartOf=drbd-services@r0.target"));
        assertFalse(Files.readString(dir.resolve("drbd-services@r0.target.d/reactor.conf")).contains("ctl.service"),
                "the target's own drop-in follows the new configuration");
    }

    @Test
    void apply_stateUnreadable_keeps() {
        DropInKeeper k = new DropInKeeper(dir, SHIM);
        k.apply(List.of(plan("r-0", "x.service")), states::get);

        DropInKeeper.Outcome o = k.apply(List.of(), unit -> null);

        assertEquals(Set.of("drbd-services@r\\x2d0.target"), o.kept().keySet());
        assertTrue(has("x.service"));
    }

    @Test
    void owners_escapedNamesAndForeignFiles_attributedByTheOwnerLine() throws Exception {
        new DropInKeeper(dir, SHIM).apply(List.of(plan("r-0", "x.service")), states::get);
        Files.createDirectories(dir.resolve("mine.service.d"));
        Files.writeString(dir.resolve("mine.service.d/reactor.conf"), "[Unit]\nAfter=foo.service\n");

        Map<String, String> owners = DropInKeeper.owners(dir);

        assertEquals("drbd-services@r\\x2d0.target", owners.get("x.service"));
        assertEquals("drbd-services@r\\x2d0.target", owners.get("drbd-demote-or-escalate@r\\x2d0.service"));
        assertFalse(owners.containsKey("mine.service"), "not written by reactord");
        assertEquals("drbd-promote@r\\x2d0.service", DropInKeeper.promoteOf("drbd-services@r\\x2d0.target"));
    }
}
