package io.reactord.it;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Failures the suite found that are bugs or gaps outside the fault suite (simulator, agent), each with the issue it
 * is waiting for. A run that fails exactly this way is reported as aborted with the known issue and the full report
 * (visible in the test output, never a pass); a run that fails any other way fails, and a run that passes passes.
 * Remove an entry once its issue is fixed.
 */
final class KnownIssues {

    /** One known issue: which runs it affects, how its failure looks, and what it is. */
    record Issue(String backend, String label, Pattern failure, String description) {
        boolean matches(ScenarioResult r) {
            return (backend == null || backend.equals(r.backend())) && r.label().startsWith(label)
                    && r.failures().stream().allMatch(f -> failure.matcher(f).find());
        }
    }

    static final List<Issue> ISSUES = List.of(
            new Issue("real-systemd", "27 ", Pattern.compile("I5: agent exited: \\w+: reactord\\.service is failed; log tail: .*"
                    + "SIGHUP: reloading the configuration.*---- agent start"),
                    "issue 19: in the real-systemd soak (seed 20261125, it reproduces) charlie's agent, killed at step 99"
                    + " with its snippet disabled and started again by the repair step, is found failed without a log"
                    + " line right after `reactorctl enable` reloads it; cause not found yet"),
            new Issue("real-systemd", "04 ", Pattern.compile("I2: Primary \\w+ lacks \\d+ acknowledged writes"),
                    "issue 19: scenario 4 (a secondary isolated) on real systemd once reported acknowledged writes missing"
                    + " on the Primary that never changed (once in the CI of 0e1afeb, a rerun passed; the simulator's writer or the I2 check"
                    + " is suspected, the agent takes no action in this scenario)"));

    private KnownIssues() {
    }

    /** Passes, fails, or aborts with the known issue; prints the summary either way. */
    static void report(ScenarioResult r) {
        System.out.println("[fault-suite] " + r.backend() + " " + r.summary());
        switch (r.outcome()) {
            case PASSED -> {
            }
            case NOT_RUN -> Assumptions.abort(r.report());
            case FAILED -> {
                System.out.println(r.report());
                for (Issue i : ISSUES) {
                    if (i.matches(r)) {
                        Assumptions.abort("KNOWN ISSUE, " + i.description() + "\n" + r.report());
                    }
                }
                Assertions.fail(r.report());
            }
        }
    }
}
