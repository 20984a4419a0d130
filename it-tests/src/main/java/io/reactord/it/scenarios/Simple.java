package io.reactord.it.scenarios;

import io.reactord.it.Backend;
import io.reactord.it.Capability;
import io.reactord.it.ClusterConfig;
import io.reactord.it.Scenario;
import io.reactord.it.ScenarioContext;
import java.util.Set;
import java.util.function.Function;

/** A scenario built from a number, a title, an optional configuration change and a body. */
final class Simple implements Scenario {

    /** The body of a scenario. */
    @FunctionalInterface
    interface Body {
        void run(ScenarioContext ctx) throws Exception;
    }

    private final int number;
    private final String title;
    private final Function<ClusterConfig, ClusterConfig> configure;
    private final Set<Capability> needs;
    private final Function<Backend, String> unsupported;
    private final Body body;

    Simple(int number, String title, Function<ClusterConfig, ClusterConfig> configure, Set<Capability> needs,
           Function<Backend, String> unsupported, Body body) {
        this.number = number;
        this.title = title;
        this.configure = configure;
        this.needs = needs;
        this.unsupported = unsupported;
        this.body = body;
    }

    static Simple of(int number, String title, Body body) {
        return new Simple(number, title, c -> c, Set.of(), b -> null, body);
    }

    Simple configure(Function<ClusterConfig, ClusterConfig> f) {
        return new Simple(number, title, f, needs, unsupported, body);
    }

    Simple needs(Capability... c) {
        return new Simple(number, title, configure, Set.of(c), unsupported, body);
    }

    Simple unsupported(Function<Backend, String> f) {
        return new Simple(number, title, configure, needs, f, body);
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ClusterConfig configure(ClusterConfig base) {
        return configure.apply(base);
    }

    @Override
    public Set<Capability> needs() {
        return needs;
    }

    @Override
    public String unsupported(Backend backend) {
        return unsupported.apply(backend);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        body.run(ctx);
    }

    @Override
    public String toString() {
        return label();
    }
}
