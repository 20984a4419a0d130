package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LauncherScriptTest {

    @TempDir
    Path tmp;

    private static final String LAUNCHER = """
            #!/usr/bin/env bash
            set -euo pipefail
            . "$(dirname "$(readlink -f "$0")")/launcher.sh"
            echo "$(greet)"
            """;
    private static final String LIBRARY = "# library\ngreet() { echo hello; }\n";

    @Test
    void inline_launcherSourcingLibrary_selfContainedScriptRuns() throws Exception {
        String s = LauncherScript.inline("demo", LAUNCHER, LIBRARY);
        assertFalse(s.contains("/launcher.sh\""), s);
        assertTrue(s.startsWith("#!/usr/bin/env bash\n"), s);
        Path f = tmp.resolve("demo");
        Files.writeString(f, s);
        assertEquals("hello\n", Processes.ok(List.of("bash", f.toString())));
    }

    @Test
    void inline_noSourceLine_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LauncherScript.inline("demo", "#!/bin/sh\necho hi\n", LIBRARY));
        assertTrue(e.getMessage().contains("demo"), e.getMessage());
    }

    @Test
    void inline_noShebang_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> LauncherScript.inline("demo", ". ./launcher.sh\n", LIBRARY));
    }

    @Test
    void inline_checkedInLaunchers_bashSyntaxOk() throws Exception {
        Path bin = Path.of(System.getProperty("user.dir")).resolve("../bin").normalize();
        String library = Files.readString(bin.resolve("launcher.sh"));
        for (String cmd : List.of("reactord", "reactorctl")) {
            Path f = tmp.resolve(cmd);
            Files.writeString(f, LauncherScript.inline(cmd, Files.readString(bin.resolve(cmd)), library));
            Processes.ok(List.of("bash", "-n", f.toString()));
        }
    }
}
