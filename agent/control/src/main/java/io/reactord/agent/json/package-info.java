/**
 * JSON text to Jackson trees and back through jackson-core's streaming parser and generator only. The daemon
 * speaks JSON on its control socket, in its journal and when it reads {@code drbdsetup show --json}; building the
 * trees here instead of through an {@code ObjectMapper} keeps Jackson's databind machinery (several hundred classes
 * of serializer and deserializer factories) out of a long-running process whose resident size is a target.
 *
 * <p>{@link io.reactord.agent.json.JsonWriter} writes plain maps and lists for reactorctl's and the status report's
 * {@code --json} output (its escaping is pinned by the renderer tests).
 */
package io.reactord.agent.json;
