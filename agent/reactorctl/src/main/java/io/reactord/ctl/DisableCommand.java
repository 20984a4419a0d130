package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.snippets.SnippetMoves;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl disable [--now]}: renames snippets to {@code .toml.disabled} and reloads the daemon. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = {"Disable snippets (NAME.toml becomes NAME.toml.disabled) and reload reactord.",
                "The daemon no longer manages their resources; running services keep running unless --now."})
public final class DisableCommand extends SnippetCommand {
    @Option(names = "--now", description = "also stop the resources' drbd-services@ targets (after the reload)")
    boolean now;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "snippets or promoter resource names")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        return run("disable", files, Snippets.Want.EITHER, "snippet or resource");
    }

    @Override
    void act(ConfigFiles cfg, Snippets.Expansion ex, int[] failures) {
        SnippetMoves.tellDaemon(cfg, SnippetMoves.names(cfg, ex.files()), "disable", now, out);
        List<Path> done = SnippetMoves.disable(ex.files(), out, err, failures);
        if (!done.isEmpty()) {
            // reload first, so that stopping the target does not make the daemon start it again
            SnippetMoves.reload(systemctl, out, err, failures);
        }
        if (now) {
            List<Path> all = new ArrayList<>(done);
            ex.files().stream().filter(Snippets::isDisabled).forEach(all::add);
            SnippetMoves.stopTargets(cfg, all, systemctl, out, err, failures);
        }
    }
}
