package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.support.ConfigOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code reactorctl cat}: prints snippets, each preceded by a comment line naming it. */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Print snippets (enabled ones by default).")
public final class CatCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets or resource names; default: all enabled")
    List<String> files = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, files, files.isEmpty() ? Snippets.Want.ENABLED : Snippets.Want.EITHER);
        int rc = ExitCodes.OK;
        for (String u : ex.unknown()) {
            err.println("reactorctl cat: no such snippet: " + u);
            rc = ExitCodes.NOT_FOUND;
        }
        for (Path f : ex.files()) {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                out.println("# " + f);
                out.print(text);
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    out.println();
                }
            } catch (IOException e) {
                err.println("reactorctl cat: cannot read " + f + ": " + e.getMessage());
                rc = ExitCodes.FAILURE;
            }
        }
        out.flush();
        return rc;
    }
}
