package io.reactord.config;

import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Parsing of the TOML spelling of an enum value, with an error that lists every allowed value. */
final class Choices {
    private Choices() {}

    static <E extends Enum<E>> E parse(Class<E> type, String s, Function<E, String> spelling) {
        for (E e : type.getEnumConstants()) {
            if (spelling.apply(e).equals(s)) return e;
        }
        throw new IllegalArgumentException(allowed(type, spelling, s));
    }

    static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> spelling, String got) {
        String list = Stream.of(type.getEnumConstants()).map(spelling).map(v -> '"' + v + '"')
                .collect(Collectors.joining(", "));
        String hint = Suggest.closest(got, Stream.of(type.getEnumConstants()).map(spelling).toList());
        return "must be one of " + list + ", got \"" + Diagnostic.printable(got) + "\""
                + (hint == null ? "" : " (did you mean \"" + hint + "\"?)");
    }
}
