package io.reactord.ctl;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reactorctl generate-completion [SHELL]}: drbd-reactorctl's command, printing a completion script made
 * from the command model. picocli's script serves bash and zsh (through bashcompinit); drbd-reactorctl's other
 * shells (fish, powershell, elvish) are refused with a usage error rather than given a script that does not load.
 * {@code completion} is the earlier name, kept as an alias.
 */
@Command(name = "generate-completion", aliases = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash or zsh completion script: source <(reactorctl generate-completion)",
                "(zsh: autoload -U +X bashcompinit && bashcompinit first)."})
public final class GenerateCompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash",
            description = "bash (default) or zsh")
    String shell = "bash";

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            err.println("reactorctl generate-completion: no completion for '" + shell
                    + "': reactorctl generates bash and zsh completion only");
            err.flush();
            return ExitCodes.USAGE;
        }
        out.print(AutoComplete.bash("reactorctl", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
