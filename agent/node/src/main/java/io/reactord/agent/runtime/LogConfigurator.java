package io.reactord.agent.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, found through {@code META-INF/services}: our stderr line at INFO, so neither
 * logback's pattern-based default runs before {@link Logging#configure} sets the level. An explicit logback
 * configuration (a {@code logback.xml} or {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}) is left to logback's own configurators.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        ClassLoader cl = LogConfigurator.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || cl.getResource("logback-test.xml") != null
                || cl.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logging.install(ctx, "info");
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
