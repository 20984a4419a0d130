/**
 * The decision journal's record and its on-disk ring as readers see it: the JSON line of one record
 * ({@link io.reactord.agent.control.journal.JournalRecord}), the file names of the ring and reading it back
 * ({@link io.reactord.agent.control.journal.JournalReader}). Shared by the daemon, which writes the ring
 * ({@code io.reactord.agent.journal}) and answers {@code why}/{@code events} from it, and by reactorctl, which
 * reads the files itself when the daemon is down.
 */
package io.reactord.agent.control.journal;
