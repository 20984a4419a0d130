/** Benchmarks of the systemd client (main() harnesses, not tests); figures go to docs/benchmarks.md. */
package io.reactord.systemd.bench;
