package io.reactord.events2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the bundled sample streams, without the reader's {@code #} note lines. */
final class Fixtures {
    static final List<String> ALL = List.of(
            "events2-a-initial-exists.txt",
            "events2-a-initial-exists-full-timestamps.txt",
            "events2-b-primary-peer-lost-may-promote.txt",
            "events2-c-quorum-loss-io-error.txt",
            "events2-c-quorum-loss-suspend-io.txt",
            "events2-d-helper-calls.txt",
            "events2-valid-lines-from-unit-tests.txt",
            "events2-invalid-lines-from-unit-tests.txt");

    private Fixtures() {}

    static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.startsWith("#") && !l.isBlank()) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every line to a fresh state. */
    static ClusterState reduce(List<String> lines) {
        ClusterState s = new ClusterState();
        for (String l : lines) {
            s.apply(Events2Parser.parse(l));
        }
        return s;
    }
}
