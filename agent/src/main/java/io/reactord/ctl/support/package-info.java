/**
 * What reactorctl's commands share beyond the agent packages they use ({@code io.reactord.agent.files},
 * {@code io.reactord.agent.units}, {@code io.reactord.agent.control}): the {@code -c/--config} option.
 */
package io.reactord.ctl.support;
