package io.taskgraph.domain.port;

import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementResult;

/**
 * One task's own connection to the workspace. {@link #execute} runs agent SQL guarded (statement policy,
 * then a transactional catalog check), capped, timed out and traced in {@code _trace}. The reads of
 * {@link SqlReader} are unguarded and untraced: they are the application's own validation queries.
 */
public interface TaskSession extends SqlReader, AutoCloseable {
    StatementResult execute(String sql);

    /** What this session's agent statements may name and read. */
    Namespace namespace();

    /** Cancels the statement running now, if any (used on interruption); the session stays usable. */
    void cancel();

    @Override
    void close();
}
