package io.reactord.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Turns a {@link ScenarioResult} into a JUnit outcome, printing the summary (and on failure seed and timeline). */
final class Results {
    private Results() {
    }

    static void report(ScenarioResult r) {
        System.out.println("[fault-suite] " + r.backend() + " " + r.summary());
        switch (r.outcome()) {
            case PASSED -> {
            }
            case NOT_RUN -> Assumptions.abort(r.report());
            case FAILED -> {
                System.out.println(r.report());
                Assertions.fail(r.report());
            }
        }
    }
}
