package io.reactord.events2;

/** One network path of a connection ({@code path} lines), identified by its address pair. */
public record PathInfo(String local, String peer, Boolean established, Attrs stats) {

    /** The key a path has in {@link ConnectionInfo#paths()}. */
    public static String key(String local, String peer) {
        return local + " " + peer;
    }
}
