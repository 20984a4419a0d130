package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.snippets.SnippetMoves;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code reactorctl enable}: renames disabled snippets back to {@code .toml} and reloads the daemon; for resources
 * whose snippet is enabled already it tells the daemon {@code enable}, which clears {@code FAILED} and the fail counts.
 */
@Command(name = "enable", mixinStandardHelpOptions = true,
        description = "Enable disabled snippets (NAME.toml.disabled back to NAME.toml, after checking it) and reload reactord;"
                + " for enabled ones, clear FAILED and the fail counts in the running reactord.")
public final class EnableCommand extends SnippetCommand {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets or resource names; default: all disabled")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        return run("enable", files, Snippets.Want.EITHER, "snippet or resource");
    }

    @Override
    void act(ConfigFiles cfg, Snippets.Expansion ex, int[] failures) {
        List<Path> targets = files.isEmpty() ? cfg.snippetFiles(true) : ex.files();
        List<String> names = SnippetMoves.names(cfg, targets);
        // resources already enabled: `enable` still clears FAILED and the fail counts in the daemon
        List<Path> enabled = files.isEmpty() ? cfg.snippetFiles(false)
                : targets.stream().filter(f -> !Snippets.isDisabled(f)).toList();
        List<String> clear = SnippetMoves.names(cfg, enabled);
        List<Path> done = SnippetMoves.enable(targets.stream().filter(Snippets::isDisabled).toList(), out, err, failures);
        if (!done.isEmpty()) {
            SnippetMoves.reload(systemctl, out, err, failures);
            SnippetMoves.tellDaemon(cfg, names, "enable", false, out);
        }
        SnippetMoves.tellDaemon(cfg, clear, "enable", false, out);
    }
}
