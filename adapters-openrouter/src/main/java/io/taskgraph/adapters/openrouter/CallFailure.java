package io.taskgraph.adapters.openrouter;

import java.time.Duration;

/**
 * Why one HTTP attempt did not produce an answer: a reason for people (already free of the API key), whether trying
 * again may help, whether the user must fix their setup, and the wait the server asked for (null when it did not).
 */
record CallFailure(String reason, Kind kind, Duration retryAfter) {
    enum Kind {
        /** Network trouble, timeouts, overload, garbled bodies: worth another attempt. */
        TRANSIENT,
        /** The server refused this request; trying it again gives the same answer. */
        REFUSED,
        /** Bad key, no access, unknown model or endpoint: the user must change their setup. */
        CONFIGURATION
    }

    static CallFailure transientFailure(String reason) {
        return new CallFailure(reason, Kind.TRANSIENT, null);
    }

    boolean retryable() {
        return kind == Kind.TRANSIENT;
    }

    /** The failure an HTTP status (or an error code inside a 200 body) stands for. */
    static Kind kindOf(int status) {
        if (status == 401 || status == 403 || status == 404) {
            return Kind.CONFIGURATION;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Kind.TRANSIENT;
        }
        return Kind.REFUSED;
    }
}
