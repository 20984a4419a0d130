package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Java 17 cannot check a dispatch over a sealed type for exhaustiveness, so this test does: every permitted
 * {@link Input} has a sample here (a new input without one fails the first test) and the promoter handles each
 * sample in every state a dump can lead to, without the "unhandled input" error of its dispatch.
 */
final class PromoterDispatchTest {

    private static Map<Class<?>, Input> samples() {
        Map<Class<?>, Input> m = new LinkedHashMap<>();
        m.put(Input.ViewChanged.class, new Input.ViewChanged(Views.promotable()));
        m.put(Input.DumpComplete.class, new Input.DumpComplete(Views.promotable(), UnitActiveState.INACTIVE));
        m.put(Input.StreamLost.class, new Input.StreamLost("test"));
        m.put(Input.JobFinished.class, new Input.JobFinished(1, JobResult.DONE, UnitActiveState.ACTIVE, true, null));
        m.put(Input.TimerFired.class, new Input.TimerFired(new TimerId("r0", TimerId.Kind.RETRY, 0)));
        m.put(Input.UnitStateChanged.class, new Input.UnitStateChanged("x.service", UnitActiveState.FAILED));
        m.put(Input.Evict.class, new Input.Evict(false, Duration.ofSeconds(30)));
        m.put(Input.Move.class, new Input.Move("bravo", Duration.ofSeconds(30)));
        m.put(Input.Disable.class, new Input.Disable(false));
        m.put(Input.Enable.class, new Input.Enable());
        m.put(Input.ManagerReachable.class, new Input.ManagerReachable());
        m.put(Input.ConfigChanged.class, new Input.ConfigChanged(Harness.settings()));
        m.put(Input.Shutdown.class, new Input.Shutdown("test"));
        return m;
    }

    @Test
    void everyPermittedInput_hasASample() {
        Set<String> permitted = Arrays.stream(Input.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = samples().keySet().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(permitted, sampled);
    }

    @Test
    void everyInput_handledAfterEveryKindOfDump() {
        for (ResourceView dump : List.of(Views.promotable(), Views.primary(), Views.peerPrimary())) {
            for (Input in : samples().values()) {
                Harness h = new Harness().dump(dump, UnitActiveState.INACTIVE);
                assertNotNull(h.send(in), in + " after a dump of " + dump);
            }
        }
    }
}
