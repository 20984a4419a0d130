package io.reactord.agent.metrics;

import io.reactord.events2.ClusterState;
import io.reactord.events2.Event;
import io.reactord.events2.Events2Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: feed a resource stream through the real parser and reducer, scrape over HTTP. */
final class Scrape {
    private Scrape() {}

    static List<String> resource(String name) {
        try (InputStream in = Scrape.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every non-comment line, handing each to the metrics as the event loop does. */
    static ClusterState feed(List<String> lines, DrbdMetrics metrics) {
        ClusterState state = new ClusterState();
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("#")) continue;
            Event e = Events2Parser.parse(l);
            state.apply(e);
            metrics.onEvent(e, state);
        }
        return state;
    }

    static HttpResponse<String> get(int port, String path, String accept) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (accept != null) r.header("Accept", accept);
        return c.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static PromText scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> resp = get(port, "/metrics", "text/plain;version=0.0.4");
        if (resp.statusCode() != 200) throw new IllegalStateException("HTTP " + resp.statusCode());
        return PromText.parse(resp.body());
    }
}
