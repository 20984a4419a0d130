package io.reactord.events2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class SortedArrayMapTest {

    @Test
    void withAndWithout_randomOperations_behaveLikeTreeMap() {
        Random rnd = new Random(3);
        SortedArrayMap<Integer, String> m = SortedArrayMap.empty();
        TreeMap<Integer, String> t = new TreeMap<>();
        for (int i = 0; i < 5000; i++) {
            int k = rnd.nextInt(12);
            if (rnd.nextInt(3) == 0) {
                m = m.without(k);
                t.remove(k);
            } else {
                m = m.with(k, "v" + i);
                t.put(k, "v" + i);
            }
            assertEquals(t, m);
            assertEquals(t.hashCode(), m.hashCode());
            assertEquals(new ArrayList<>(t.keySet()), new ArrayList<>(m.keySet()));
        }
    }

    @Test
    void get_foreignKeyType_null() {
        SortedArrayMap<Integer, String> m = SortedArrayMap.<Integer, String>empty().with(1, "a");
        assertNull(((Map<?, ?>) m).get("1"));
        assertFalse(m.containsKey(2));
        assertFalse(((Map<?, ?>) m).containsKey("1"));
        assertFalse(m.containsKey(null));
    }
}
