package io.reactord.config;

/**
 * One {@code [[prometheus]]} exporter: {@code address} to listen on ({@code ":9942"} means every
 * address, port 9942) and whether to emit enum-style state metrics ({@code enums}).
 */
public record PrometheusConfig(String address, boolean enums) {
    public static final String DEFAULT_ADDRESS = ":9942";
}
