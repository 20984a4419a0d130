package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigDiffTest {

    @TempDir
    Path dir;

    private ReactordConfig config(String name, String text) {
        LoadResult r = Fixtures.snippet(dir, name, text);
        return r.config();
    }

    @Test
    void diff_classifiesEveryResource() {
        ReactordConfig old = config("old.toml", "[[promoter]]\n[promoter.resources.same]\nstart = [\"a.service\"]\n"
                + "[promoter.resources.changed]\nstart = [\"b.service\"]\n"
                + "[promoter.resources.gone]\nstart = [\"c.service\"]\n");
        ReactordConfig neu = config("new.toml", "# moved lines and file: still unchanged\n\n"
                + "[[promoter]]\n[promoter.resources.same]\nstart = [\"a.service\"]\n"
                + "[promoter.resources.changed]\nstart = [\"b.service\"]\non-quorum-loss = \"freeze\"\n"
                + "[promoter.resources.fresh]\nstart = [\"d.service\"]\n");
        Map<String, ResourceChange> d = ConfigDiff.diff(old, neu);
        assertEquals(List.of("same", "changed", "gone", "fresh"), List.copyOf(d.keySet()));
        assertEquals(ResourceChange.UNCHANGED, d.get("same"));
        assertEquals(ResourceChange.CHANGED, d.get("changed"));
        assertEquals(ResourceChange.REMOVED, d.get("gone"));
        assertEquals(ResourceChange.ADDED, d.get("fresh"));
    }

    @Test
    void diff_defaultWrittenExplicitly_isUnchanged() {
        ReactordConfig a = config("a.toml", "[promoter.resources.r]\nstart = [\"a.service\"]\n");
        ReactordConfig b = config("b.toml", "[promoter.resources.r]\nstart = [\"a.service\"]\nsecondary-force = true\n"
                + "failure-window = 600\n");
        assertEquals(Map.of("r", ResourceChange.UNCHANGED), ConfigDiff.diff(a, b));
    }

    @Test
    void diff_startOrder_isAChange() {
        ReactordConfig a = config("a.toml", "[promoter.resources.r]\nstart = [\"a.service\", \"b.service\"]\n");
        ReactordConfig b = config("b.toml", "[promoter.resources.r]\nstart = [\"b.service\", \"a.service\"]\n");
        assertEquals(Map.of("r", ResourceChange.CHANGED), ConfigDiff.diff(a, b));
    }

    @Test
    void diff_withNullOld_isAllAdded() {
        ReactordConfig b = config("b.toml", "[promoter.resources.r]\nstart = [\"a.service\"]\n");
        assertEquals(Map.of("r", ResourceChange.ADDED), ConfigDiff.diff(null, b));
    }
}
