package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of configuration error and warning, with its {@code path:line:} message. */
final class ConfigErrorsTest {

    @TempDir
    Path dir;

    private static final String HEAD = "[[promoter]]\n[promoter.resources.r0]\n";

    /** Loads {@code text} as snippet x.toml and asserts exactly one error, returned as text. */
    private String oneError(String text) {
        LoadResult r = Fixtures.snippet(dir, "x.toml", text);
        assertNull(r.config());
        assertEquals(1, r.errors().size(), Fixtures.all(r.errors()));
        return r.errors().get(0).toString();
    }

    /** Loads a main file without snippets, {@code rest} after its first line; its first error as text, which names main.toml. */
    private String mainError(String rest) {
        Path main = Fixtures.write(dir, "main.toml", "snippets = \"" + dir.resolve("none") + "\"\n" + rest);
        return Fixtures.LOADER.loadMain(main).errors().get(0).toString();
    }

    private String prefix(int line) {
        return dir.resolve("x.toml") + ":" + line + ": ";
    }

    @Test
    void unknownKey_namesClosestValidKey() {
        String e = oneError(HEAD + "strat = [\"a.service\"]\n");
        assertEquals(prefix(3) + "unknown key 'strat' in [promoter.resources.r0]; did you mean 'start'?", e);
    }

    @Test
    void unknownKeyFarFromAll_listsValidKeys() {
        String e = oneError("[[prometheus]]\nzzzzzzzz = 1\n");
        assertTrue(e.startsWith(prefix(2) + "unknown key 'zzzzzzzz' in [[prometheus]] (valid keys: id, address, enums)"), e);
    }

    @Test
    void unknownTable_namesClosestPlugin() {
        String e = oneError("[[promotor]]\n[promotor.resources.r0]\nstart = []\n");
        assertEquals(prefix(1) + "unknown table 'promotor'; did you mean 'promoter'?", e);
    }

    @Test
    void wrongType_saysWhatIsAllowed() {
        String e = oneError(HEAD + "secondary-force = \"yes\"\n");
        assertEquals(prefix(3) + "'secondary-force' must be a boolean (true or false), got string \"yes\"", e);
    }

    @Test
    void wrongEnumValue_listsValuesAndSuggests() {
        String e = oneError(HEAD + "runner = \"systemctl\"\n");
        assertEquals(prefix(3) + "'runner' must be one of \"systemd\", \"shell\", got \"systemctl\" (did you mean \"systemd\"?)", e);
        String e2 = oneError(HEAD + "on-drbd-demote-failure = \"panic\"\n");
        assertTrue(e2.contains("\"none\", \"reboot\", \"reboot-force\", \"reboot-immediate\", \"poweroff\""), e2);
        assertEquals(prefix(3) + "'runner' must be one of \"systemd\", \"shell\" (a string), got integer 1",
                oneError(HEAD + "runner = 1\n"));
        String e3 = oneError(HEAD + "target-as = \"requires\"\n");
        assertTrue(e3.contains("(did you mean \"Requires\"?)"), e3);
    }

    @Test
    void numberOutOfRange_givesRange() {
        assertEquals(prefix(3) + "'max-failures' must be between 1 and 1000, got 0", oneError(HEAD + "max-failures = 0\n"));
        assertEquals(prefix(3) + "'sleep-before-promote-factor' must be between 0 and 100, got -1",
                oneError(HEAD + "sleep-before-promote-factor = -1\n"));
    }

    @Test
    void badDuration_listsForms() {
        String e = oneError(HEAD + "failure-window = \"ten minutes\"\n");
        assertTrue(e.startsWith(prefix(3) + "'failure-window' must be seconds as a number (e.g. 30) or a string like"), e);
        assertEquals(prefix(3) + "'fencing-promote-delay' must be between 0s and 1h, got -1",
                oneError(HEAD + "fencing-promote-delay = -1\n"));
        String e2 = oneError(HEAD + "fencing-promote-delay = true\n");
        assertTrue(e2.startsWith(prefix(3) + "'fencing-promote-delay' must be seconds"), e2);
    }

    @Test
    void unitWithSlash_suggestsSystemdEscape() {
        String e = oneError(HEAD + "start = [\"/mnt/data\", \"db.service\"]\n");
        assertTrue(e.startsWith(prefix(3) + "unit \"/mnt/data\" in 'start' contains '/'"), e);
        assertTrue(e.contains("systemd-escape --path --suffix=mount '/mnt/data'"), e);
        assertTrue(e.contains("(here: 'mnt-data.mount')"), e);
    }

    @Test
    void invalidUnitNames_sayWhy() {
        assertTrue(oneError(HEAD + "start = [\"db\"]\n").contains("has no unit type suffix"));
        assertTrue(oneError(HEAD + "start = [\"db.servise\"]\n").contains("did you mean '.service'?"));
        assertTrue(oneError(HEAD + "start = [\"my db.service\"]\n").contains("invalid character U+0020"));
        assertTrue(oneError(HEAD + "start = [\"getty@.service\"]\n").contains("template without an instance"));
        assertTrue(oneError(HEAD + "start = [\"" + "a".repeat(250) + ".service\"]\n").contains("longer than 255"));
        assertTrue(oneError(HEAD + "start = [\"ocf:heartbeat\"]\n").contains("is not a valid OCF agent"));
    }

    @Test
    void unitListItems_reportTheirOwnLine() {
        String e = oneError(HEAD + "start = [\n  \"a.service\",\n  \"b c.service\",\n]\n");
        assertTrue(e.startsWith(prefix(5)), e);
    }

    @Test
    void duplicateUnitsInStart_isError() {
        String e = oneError(HEAD + "start = [\"a.service\", \"b.service\", \"a.service\"]\n");
        assertEquals(prefix(3) + "'start' lists unit \"a.service\" twice (also on line 3); each unit may appear once", e);
        String ocf = oneError(HEAD + "start = [\"ocf:heartbeat:IPaddr2 ip1 ip=1.2.3.4\", \"ocf:heartbeat:IPaddr2 ip1 ip=1.2.3.5\"]\n");
        assertTrue(ocf.contains("lists OCF instance ocf.rs@ip1_r0.service twice"), ocf);
    }

    @Test
    void sameResourceInTwoFiles_namesBoth() {
        Path a = Fixtures.write(dir, "a.toml", HEAD + "start = [\"a.service\"]\n");
        Path b = Fixtures.write(dir, "b.toml", "# other\n" + HEAD + "start = [\"b.service\"]\n");
        LoadResult r = Fixtures.LOADER.loadFiles(List.of(a, b));
        assertNull(r.config());
        assertEquals(1, r.errors().size());
        String e = r.errors().get(0).toString();
        assertTrue(e.startsWith(b + ":3: resource 'r0' already has a promoter in " + a + ":2"), e);
        assertTrue(e.contains(a + " and " + b), e);
    }

    @Test
    void sameResourceTwiceInOneFile_namesBothLines() {
        String e = oneError(HEAD + "start = []\n[[promoter]]\n[promoter.resources.r0]\nstart = []\n");
        assertTrue(e.startsWith(prefix(5) + "resource 'r0' already has a promoter in " + dir.resolve("x.toml") + ":2"), e);
    }

    @Test
    void hostileResourceNames_areRejected() {
        assertTrue(oneError("[[promoter]]\n[promoter.resources.\"a/b\"]\nstart = []\n").contains("resource name 'a/b' contains '/'"));
        assertTrue(oneError("[[promoter]]\n[promoter.resources.\"\"]\nstart = []\n").contains("resource name '' is empty"));
        String ctl = oneError("[[promoter]]\n[promoter.resources.\"a\\u0007b\"]\nstart = []\n");
        assertTrue(ctl.contains("contains the character U+0007"), ctl);
        assertTrue(ctl.contains("a\\x07b"), "control characters are escaped in messages: " + ctl);
        assertTrue(oneError("[[promoter]]\n[promoter.resources.\"a b\"]\nstart = []\n").contains("contains the character U+0020"));
        assertTrue(oneError("[[promoter]]\n[promoter.resources.\"..\"]\nstart = []\n").contains("must start with a letter, a digit or '_'"));
    }

    @Test
    void tomlSyntaxError_hasLine() {
        assertEquals(prefix(4) + "TOML syntax error: missing value for key 'stop'",
                oneError(HEAD + "start = []\nstop =\n"));
        assertEquals(prefix(3) + "TOML syntax error: duplicate key 'start' (first set on line 2)",
                oneError("[promoter.resources.r0]\nstart = []\nstart = []\n"));
        assertTrue(oneError(HEAD + "start = [\"a.service\"\n").startsWith(prefix(3) + "TOML syntax error: array opened here"));
    }

    @Test
    void mainKeyInSnippet_isError() {
        String e = oneError("statistics-poll-interval = 30\n[[prometheus]]\n");
        assertTrue(e.startsWith(prefix(1) + "'statistics-poll-interval' is a main-file setting and has no effect in a snippet"), e);
    }

    @Test
    void umhRuleErrors_areSpecific() {
        assertEquals(prefix(2) + "[[umh.resource]] rule is missing the required key 'command'",
                oneError("[[umh]]\n[[umh.resource]]\nnew.role = \"Primary\"\n"));
        String role = oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nnew.role = \"primary\"\n");
        assertTrue(role.startsWith(prefix(4) + "'role' must be one of Unknown, Primary, Secondary, got \"primary\""), role);
        String op = oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nold.role = { operator = \"Not\", value = \"Primary\" }\n");
        assertTrue(op.contains("'operator' must be one of \"Equals\", \"NotEquals\""), op);
        String field = oneError("[[umh]]\n[[umh.device]]\ncommand = \"x\"\nnew.disk_state = \"UpToDate\"\n");
        assertTrue(field.contains("unknown key 'disk_state' in [[umh.device]].new; did you mean 'disk-state'?")
                || field.contains("did you mean 'disk-state'?"), field);
        String noValue = oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nold.role.operator = \"NotEquals\"\n");
        assertTrue(noValue.contains("needs a 'value'"), noValue);
        String wrongKind = oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nvolume = 0\n");
        assertTrue(wrongKind.contains("unknown key 'volume'"), wrongKind);
    }

    @Test
    void umhEnvErrors_areSpecific() {
        assertTrue(oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nenv = { A = 1 }\n")
                .contains("environment variable 'A' must be a string, got integer 1"));
        assertTrue(oneError("[[umh]]\n[[umh.resource]]\ncommand = \"x\"\nenv = { \"A=B\" = \"1\" }\n")
                .contains("contain neither '=' nor NUL"));
    }

    @Test
    void unknownMainKey_namesClosestMainKey() {
        assertEquals(dir.resolve("main.toml") + ":2: unknown key 'statistics-pol-interval'; did you mean 'statistics-poll-interval'?",
                mainError("statistics-pol-interval = 5\n"));
    }

    @Test
    void promoterWithoutResources_warns() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", "[[promoter]]\n");
        assertNotNull(r.config());
        assertEquals(prefix(1) + "[[promoter]] has no [promoter.resources.NAME] table and does nothing",
                r.warnings().get(0).toString());
    }

    @Test
    void prometheusBadAddress_isError() {
        assertTrue(oneError("[[prometheus]]\naddress = \"9942\"\n").contains("must be [HOST]:PORT"));
        assertTrue(oneError("[[prometheus]]\naddress = \":99420\"\n").contains("port must be between 1 and 65535"));
    }

    @Test
    void badLogLevel_isError() {
        assertEquals(dir.resolve("main.toml") + ":3: 'level' must be one of trace, debug, info, warn, error, off, got \"verbose\"",
                mainError("[[log]]\nlevel = \"verbose\"\n"));
    }

    @Test
    void manyMistakes_areAllReportedInLineOrder() {
        Path a = Fixtures.write(dir, "a.toml", HEAD + "strat = []\nrunner = \"x\"\nsecondary-force = 1\n"
                + "[[umh]]\n[[umh.resource]]\nname = \"n\"\n");
        Path b = Fixtures.write(dir, "b.toml", "[[prometheus]]\naddress = \"nope\"\n");
        LoadResult r = Fixtures.LOADER.loadFiles(List.of(a, b));
        List<String> lines = r.errors().stream().map(Diagnostic::toString).toList();
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith(a + ":3: unknown key 'strat'"));
        assertTrue(lines.get(1).startsWith(a + ":4: 'runner'"));
        assertTrue(lines.get(2).startsWith(a + ":5: 'secondary-force'"));
        assertTrue(lines.get(3).startsWith(a + ":7: [[umh.resource]] rule is missing"));
        assertTrue(lines.get(4).startsWith(b + ":2: 'address'"));
    }

    @Test
    void warnings_doNotFailTheLoad() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", HEAD + "start = [\"a.service\", \"mnt-data.mount\"]\n"
                + "preferred-nodes = [\"beta\", \"gamma\"]\n"
                + "[[promoter]]\n[promoter.resources.r1]\nstart = []\n");
        assertNotNull(r.config(), Fixtures.all(r.errors()));
        String w = Fixtures.all(r.warnings());
        assertTrue(w.contains(prefix(3) + "the last 'start' unit \"mnt-data.mount\" is a mount"), w);
        assertTrue(w.contains(prefix(4) + "'preferred-nodes' does not contain this node \"alpha\""), w);
        assertTrue(w.contains(prefix(7) + "resource 'r1' has an empty 'start' list"), w);
        assertEquals(3, r.warnings().size(), w);
    }

    @Test
    void hostilePreferredNodes_areRejected() {
        String e = oneError(HEAD + "start = [\"a.service\"]\npreferred-nodes = [\"beta\", \"x;touch${IFS}P\"]\n");
        assertTrue(e.startsWith(prefix(4) + "'preferred-nodes' entry: node name 'x;touch${IFS}P' contains ';'"), e);
        assertTrue(oneError(HEAD + "start = [\"a.service\"]\npreferred-nodes = [\"-oProxyCommand=x\"]\n")
                .contains("node name '-oProxyCommand=x' must not start with '-'"));
        String ctl = oneError(HEAD + "start = [\"a.service\"]\npreferred-nodes = [\"a\\u001bb\"]\n");
        assertTrue(ctl.contains("a\\x1bb") && ctl.contains("U+001B"), "escaped in the message: " + ctl);
    }

    @Test
    void preferredNodesContainingHost_noWarning() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", HEAD + "start = [\"a.service\"]\npreferred-nodes = [\"beta\", \"alpha\"]\n");
        assertTrue(r.warnings().isEmpty(), Fixtures.all(r.warnings()));
    }

    @Test
    void stopWithSystemdRunner_warnsIgnored() {
        LoadResult r = Fixtures.snippet(dir, "x.toml", HEAD + "start = [\"a.service\"]\nstop = [\"a.service\"]\n");
        assertTrue(Fixtures.all(r.warnings()).contains("'stop' is ignored with runner \"systemd\""));
    }
}
