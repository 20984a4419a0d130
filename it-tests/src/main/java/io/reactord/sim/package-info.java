/**
 * The DRBD 9 cluster simulator: {@link io.reactord.sim.SimCluster} is a pure model of N nodes × resources ×
 * volumes with DRBD's quorum, promotion, connection, resync and replication rules, driven by fault injection
 * on a virtual clock, that renders each node's {@code drbdsetup events2 --full} stream;
 * {@link io.reactord.sim.SimServer} runs it live on loopback ports, and {@link io.reactord.sim.FakeDrbdTools}
 * writes the bash {@code drbdsetup}/{@code drbdadm}/{@code drbdsim} executables an agent spawns like the real
 * ones. The simulator, not the agent, decides whether a promotion succeeds. See docs/simulator.md.
 */
package io.reactord.sim;
