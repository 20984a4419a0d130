/**
 * Scenario 27: the seeded random soak. Every step is drawn from the FAULTS.md faults with a
 * {@link java.util.Random} seeded from the run's seed, so a failing run is replayed exactly (on the
 * in-process backend) by running the same seed again.
 */
package io.reactord.it.soak;
