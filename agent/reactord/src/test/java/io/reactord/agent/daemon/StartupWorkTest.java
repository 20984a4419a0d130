package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.ConfigLoader;
import io.reactord.config.PromoterResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DRBD option check at start: one drbdsetup process for all resources, per-resource reads only as fallback. */
final class StartupWorkTest {
    @TempDir
    Path dir;

    private List<PromoterResource> resources(String... names) throws IOException {
        StringBuilder toml = new StringBuilder("[[promoter]]\n");
        for (String n : names) {
            toml.append("[promoter.resources.").append(n).append("]\nstart = [\"").append(n).append(".service\"]\n");
        }
        Path f = dir.resolve("r.toml");
        Files.writeString(f, toml.toString());
        return new ArrayList<>(ConfigLoader.loadSnippets(List.of(f)).config().resources().values());
    }

    /** A drbdsetup that logs its arguments and prints {@code showAll} for "show all", {@code one} for a single resource. */
    private Path fake(String showAll, int allStatus, String one) throws IOException {
        Path f = dir.resolve("drbdsetup");
        Files.writeString(dir.resolve("all.json"), showAll);
        Files.writeString(dir.resolve("one.json"), one);
        Files.writeString(f, "#!/bin/sh\necho \"$*\" >> '" + dir.resolve("calls") + "'\n"
                + "if [ \"$2\" = all ]; then cat '" + dir.resolve("all.json") + "'; exit " + allStatus + "; fi\n"
                + "cat '" + dir.resolve("one.json") + "'\n");
        assertTrue(f.toFile().setExecutable(true));
        return f;
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls"));
    }

    private static String show(String res, String quorum) {
        return "{\"resource\":\"" + res + "\",\"options\":{\"auto-promote\":false,\"quorum\":\"" + quorum
                + "\",\"on-no-quorum\":\"io-error\"}}";
    }

    @Test
    void checkAll_showAllAnswers_oneProcessPerResourceOptions() throws IOException {
        Path ds = fake("[" + show("a", "majority") + "," + show("b", "off") + "," + show("c", "majority") + "]", 0, "");
        Map<String, DrbdOptions> o = new StartupWork(ds.toString(), "drbdadm").checkAll(resources("a", "b", "c"));
        assertEquals(List.of("show all --show-defaults --json"), calls());
        assertEquals(List.of("a", "b", "c"), List.copyOf(o.keySet()));
        assertEquals("off", o.get("b").quorum());
        assertEquals("majority", o.get("c").quorum());
    }

    @Test
    void checkAll_resourceMissingFromShowAll_readOnItsOwn() throws IOException {
        Path ds = fake("[" + show("a", "majority") + "]", 0, "[" + show("b", "off") + "]");
        Map<String, DrbdOptions> o = new StartupWork(ds.toString(), "drbdadm").checkAll(resources("a", "b"));
        assertEquals(List.of("show all --show-defaults --json", "show b --show-defaults --json"), calls());
        assertEquals("off", o.get("b").quorum());
    }

    @Test
    void checkAll_showAllFails_everyResourceReadOnItsOwn() throws IOException {
        Path ds = fake("garbage", 10, "not json either");
        Map<String, DrbdOptions> o = new StartupWork(ds.toString(), "drbdadm").checkAll(resources("a", "b"));
        assertEquals(3, calls().size(), calls().toString());
        assertFalse(o.get("a").readable());
        assertEquals(DrbdOptions.ASSUMED, o.get("b"));
    }
}
