/**
 * drbd-reactorctl's cluster contexts: {@code --context NAME} and {@code --nodes A,B} run a reactorctl command on
 * several nodes through the {@code [peers]} command ({@code ssh … root@NODE reactorctl} by default), the words
 * quoted for the peer's shell; {@code --local} (what the peers run) runs it here only.
 */
package io.reactord.ctl.cluster;
