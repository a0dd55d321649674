package io.taskgraph.application.inspect;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One statement an agent (or a SQL task) ran, as {@code _trace} recorded it: when (the local time of the machine
 * that ran it, to the millisecond), for which task, the statement as sent, whether it worked, the database's error,
 * how many rows it returned and how long it took.
 */
public record TraceEntry(long id, String timestamp, String task, String statement, boolean ok, Optional<String> error,
                         OptionalLong rowCount, double elapsedMs) {
}
