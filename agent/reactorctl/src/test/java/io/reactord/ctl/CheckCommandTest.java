package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckCommandTest extends CapturedCtl {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    @Test
    void check_validMainWithSnippets_exitsZero() throws IOException {
        Path d = dir.resolve("reactord.d");
        write("reactord.d/linstor.toml", "[[promoter]]\n[promoter.resources.linstor_db]\n"
                + "start = [\"var-lib-linstor.mount\", \"linstor-controller.service\"]\n");
        write("reactord.d/umh.toml", "[[umh]]\n[[umh.resource]]\ncommand = \"true\"\n"
                + "old.role = { operator = \"NotEquals\", value = \"Primary\" }\nnew.role = \"Primary\"\n");
        Path main = write("reactord.toml", "snippets = \"" + d + "\"\nstatistics-poll-interval = 60\n");

        int code = run("check", "-c", main.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertEquals(main + ": OK, 1 promoter resource\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void check_mainFileGivenAsFile_checkedAsMainFile() throws IOException {
        // as docs/samples/linstor_db.toml: a main file naming its own directory as snippets, checked "the natural way"
        Path main = write("sample/linstor_db.toml", "snippets = \".\"\n\n[[promoter]]\n[promoter.resources.linstor_db]\n"
                + "start = [\"var-lib-linstor.mount\", \"linstor-controller.service\"]\n");

        int code = run("check", main.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertEquals(main + ": OK, 1 promoter resource\n", out.toString());
        assertTrue(err.toString().contains("sets 'snippets', so it is a main file"), err.toString());
    }

    @Test
    void check_badSnippet_printsPathLineMessageAndExitsOne() throws IOException {
        Path f = write("bad.toml", "[[promoter]]\n[promoter.resources.r0]\nstart = [\"/mnt/data\"]\nrunner = \"systemctl\"\n");

        int code = run("check", f.toString());

        assertEquals(ExitCodes.FAILURE, code);
        String[] lines = err.toString().split("\n");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].startsWith(f + ":3: unit \"/mnt/data\" in 'start' contains '/'"), lines[0]);
        assertTrue(lines[0].contains("systemd-escape --path --suffix=mount"), lines[0]);
        assertTrue(lines[1].startsWith(f + ":4: 'runner' must be one of \"systemd\", \"shell\""), lines[1]);
        assertEquals(f + ": INVALID, 2 errors\n", out.toString());
    }

    @Test
    void check_warningsOnly_exitsZeroAndPrintsWarnings() throws IOException {
        Path f = write("w.toml", "[[promoter]]\nid = \"x\"\n[promoter.resources.r0]\nstart = [\"data.mount\"]\n");

        int code = run("check", "--hostname", "alpha", f.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(err.toString().contains(f + ":2: warning: 'id' in [[promoter]] is deprecated"), err.toString());
        assertTrue(err.toString().contains(f + ":4: warning: the last 'start' unit \"data.mount\" is a mount"), err.toString());
        assertEquals(f + ": OK, 1 promoter resource, 2 warnings\n", out.toString());
    }

    @Test
    void check_resourceInTwoFiles_namesBothAndExitsOne() throws IOException {
        Path a = write("a.toml", "[promoter.resources.r0]\nstart = [\"a.service\"]\n");
        Path b = write("b.toml", "[promoter.resources.r0]\nstart = [\"b.service\"]\n");

        assertEquals(ExitCodes.FAILURE, run("check", a.toString(), b.toString()));
        assertTrue(err.toString().startsWith(b + ":1: resource 'r0' already has a promoter in " + a + ":1"), err.toString());
        assertEquals("2 files: INVALID, 1 error\n", out.toString());
    }

    @Test
    void check_missingMainFile_exitsOne() {
        Path missing = dir.resolve("absent.toml");
        assertEquals(ExitCodes.FAILURE, run("check", "--config", missing.toString()));
        assertEquals(missing + ":0: file not found\n", err.toString());
    }

    @Test
    void check_brokenSnippetAmongGoodOnes_exitsOneAndNamesWhatTheDaemonWouldRun() throws IOException {
        Path d = dir.resolve("reactord.d");
        write("reactord.d/a.toml", "[[promoter]]\n[promoter.resources.linstor_db]\nstart = [\"linstor-controller.service\"]\n");
        Path bad = write("reactord.d/b.toml", "[[promoter]]\n[promoter.resources.\"r0;touch${IFS}x\"]\nstart = [\"reactord.service\"]\n");
        Path main = write("reactord.toml", "snippets = \"" + d + "\"\n");

        int code = run("check", "-c", main.toString());

        assertEquals(ExitCodes.FAILURE, code);
        assertEquals(bad + ":2: resource name 'r0;touch${IFS}x' contains ';'; resource names may contain only letters, digits"
                + " and _ . + -\n" + bad + ":3: unit \"reactord.service\" in 'start' is a unit of the HA agent itself; a start"
                + " unit is bound to the promotion (restarting the agent would promote DRBD), so it cannot be in a start list\n",
                err.toString());
        assertEquals(main + ": INVALID, 2 errors\nreactord would leave out " + bad + " and manage the other 1 promoter resource\n",
                out.toString());
    }
}
