/**
 * The agent core: what the daemon and {@code reactorctl replay} share. {@link
 * io.reactord.agent.core.AgentCore} owns the events2 {@code ClusterState} and one {@link
 * io.reactord.agent.promoter.Promoter} per managed resource, feeds them views built by {@link
 * io.reactord.agent.core.Views}, and executes their commands through the {@link
 * io.reactord.agent.core.UnitController} port, a {@link io.reactord.agent.time.Scheduler} and a {@link
 * io.reactord.agent.core.JournalSink}. It is confined to one thread (the event loop); results of
 * asynchronous work come back through the loop's executor.
 * <p>The {@code agent/node} module: this core with its ports, injected time ({@code time}), the state renderings
 * ({@code view}), replay on a virtual clock ({@code replay}) and the process basics both entry points share
 * ({@code runtime}: version, logging), and the status collector ({@code status}) both fill the status model with.
 * It builds on {@code agent/promoter} and, for the status collector, {@code agent/control} (the model, its
 * renderers and the client), never on the daemon or reactorctl.
 */
package io.reactord.agent.core;
