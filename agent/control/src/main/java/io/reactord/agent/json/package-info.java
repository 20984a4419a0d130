/**
 * The one JSON codec ({@link io.reactord.agent.json.Json}): JSON text to Jackson trees and back, and plain maps and
 * lists to JSON text, through jackson-core's streaming parser and generator only. The daemon
 * speaks JSON on its control socket, in its journal and when it reads {@code drbdsetup show --json}; building the
 * trees here instead of through an {@code ObjectMapper} keeps Jackson's databind machinery (several hundred classes
 * of serializer and deserializer factories) out of a long-running process whose resident size is a target.
 *
 * <p>Plain values are written for requests and for reactorctl's and the status report's {@code --json} output, with
 * their own escaping (pinned by {@code JsonTest} and the renderer tests); trees with jackson's, as the control
 * protocol's answers always were.
 */
package io.reactord.agent.json;
