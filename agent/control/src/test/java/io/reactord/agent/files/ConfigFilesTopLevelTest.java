package io.reactord.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigFiles#topLevel}: the three settings reactorctl reads without the TOML parser. */
final class ConfigFilesTopLevelTest {
    @TempDir
    Path tmp;

    private Map<String, String> top(String text) throws IOException {
        Path f = tmp.resolve("main.toml");
        Files.writeString(f, text);
        return ConfigFiles.topLevel(f);
    }

    @Test
    void topLevel_quotedKeysBeforeTheFirstTable_read() throws IOException {
        Map<String, String> t = top("# comment\n  snippets = \"/etc/x.d\"\r\ndrbdsetup='/opt/drbdsetup'\nsocket =\t\"/run/s.sock\" # why\n"
                + "[peers]\nsocket = \"/not/this\"\n");
        assertEquals(Map.of("snippets", "/etc/x.d", "drbdsetup", "/opt/drbdsetup", "socket", "/run/s.sock"), t);
    }

    @Test
    void topLevel_otherKeysUnquotedOrBroken_ignored() throws IOException {
        Map<String, String> t = top("snippets2 = \"a\"\nsocket = 5\nsnippets = \"open\ndrbdsetup\nlog.socket = \"x\"\n= \"y\"\n");
        assertTrue(t.isEmpty(), t.toString());
    }

    @Test
    void topLevel_repeatedKey_lastWins() throws IOException {
        assertEquals("/b", top("socket = \"/a\"\nsocket = \"/b\"\n").get("socket"));
    }

    @Test
    void topLevel_missingFile_empty() {
        assertTrue(ConfigFiles.topLevel(tmp.resolve("nope.toml")).isEmpty());
    }

    @Test
    void topLevel_valueStopsAtTheFirstQuote_asBefore() throws IOException {
        assertEquals("/x", top("socket = \"/x'y\"\n").get("socket"));
    }
}
