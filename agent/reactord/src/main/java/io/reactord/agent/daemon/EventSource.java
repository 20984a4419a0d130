package io.reactord.agent.daemon;

/**
 * The port for the events2 stream. Implementations deliver lines and stream boundaries to a {@link
 * Sink} from their own threads (the sink re-posts to the event loop).
 */
public interface EventSource extends AutoCloseable {

    /** Receives the stream. */
    interface Sink {
        /** A new stream begins (first start or restart); {@code restart} is false for the first. */
        void streamStarting(boolean restart);

        /** One line of UTF-8 bytes, without its newline; the array is the sink's (the source keeps no reference). */
        void line(byte[] line);

        /** The stream ended or was abandoned; a new one follows after a backoff. */
        void streamLost(String why);
    }

    void start(Sink sink);

    /** Asks for a state refresh ({@code n} on stdin with {@code --poll}). */
    void poll();

    /** Abandons the current stream (e.g. it emitted garbage); it is restarted with backoff. */
    void restart(String why);

    @Override
    void close();
}
