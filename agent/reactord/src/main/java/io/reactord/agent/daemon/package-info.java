/**
 * The {@code reactord} daemon: the single {@link io.reactord.agent.daemon.EventLoop} thread that owns
 * all decision state, the {@code drbdsetup events2} child process ({@link
 * io.reactord.agent.daemon.Events2Process}), the systemd and shell implementations of the unit port,
 * start-up work (drop-ins, kept for running targets by {@link io.reactord.agent.daemon.DropInKeeper};
 * {@code drbdadm adjust}, DRBD option checks), signals ({@link io.reactord.agent.daemon.Signals}), reload, and
 * readiness, status and watchdog for systemd ({@link io.reactord.agent.daemon.Notifier}, {@link
 * io.reactord.agent.daemon.LoopTicker}).
 * Everything that blocks runs on other threads and reports back as a message to the loop.
 */
package io.reactord.agent.daemon;
