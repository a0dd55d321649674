package io.taskgraph.adapters.openrouter;

import java.time.Duration;

/**
 * Why one HTTP attempt did not produce an answer: a reason for people (already free of the API key), the HTTP status
 * (or the error code inside a 200 body; 0 when there is none), whether trying again may help or whether the account
 * is refused, and the wait the server asked for (null when it did not).
 */
record CallFailure(String reason, Kind kind, int status, Duration retryAfter) {
    enum Kind {
        /** Network trouble, timeouts, overload, garbled bodies: worth another attempt. */
        TRANSIENT,
        /** The server refused this request; trying it again gives the same answer. */
        REFUSED,
        /** Bad or revoked key, no credit, no access to the model, unknown model or endpoint: every call will fail. */
        ACCESS_DENIED
    }

    static CallFailure transientFailure(String reason) {
        return new CallFailure(reason, Kind.TRANSIENT, 0, null);
    }

    /** The failure an HTTP status (or an error code inside a 200 body) stands for. */
    static CallFailure of(String reason, int status, Duration retryAfter) {
        return new CallFailure(reason, kindOf(status), status, retryAfter);
    }

    boolean retryable() {
        return kind == Kind.TRANSIENT;
    }

    private static Kind kindOf(int status) {
        if (status == 401 || status == 402 || status == 403 || status == 404) {
            return Kind.ACCESS_DENIED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Kind.TRANSIENT;
        }
        return Kind.REFUSED;
    }
}
