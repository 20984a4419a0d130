/**
 * The FAULTS.md scenarios, each written once against {@link io.reactord.it.Backend} and listed in
 * {@link io.reactord.it.scenarios.FaultScenarios}; the test classes bind them to the in-process and the
 * real-systemd backend.
 */
package io.reactord.it.scenarios;
