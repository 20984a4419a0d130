/** End-to-end benchmarks of the agent against the simulator and real service managers; they print figures. */
package io.reactord.it.bench;
