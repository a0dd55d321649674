package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import java.net.URI;

/**
 * Refuses state-changing requests sent by another web site. A page on any site can post a form to
 * 127.0.0.1; browsers then send that site's {@code Origin}, which differs from the {@code Host} the request
 * is addressed to. Clients that send no {@code Origin} (curl, scripts) are not browsers acting for a site.
 */
final class OriginGuard {
    private OriginGuard() {
    }

    static void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return;
        }
        String host = ctx.header("Host");
        String originHost;
        try {
            URI uri = URI.create(origin.strip());
            originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || host == null || !originHost.equalsIgnoreCase(host.strip())) {
            readSmallBody(ctx);
            throw new WebException(Problem.FORBIDDEN, "Runs can only be started from this server's own page (the "
                    + "request came from " + origin.strip() + ").");
        }
    }

    /**
     * Reads a small request body before the refusal is sent: answering while the client is still sending makes the
     * server close a connection with unread bytes, and the client may then see a reset instead of the 403. Large
     * bodies are not read (the reset is the lesser cost there).
     */
    private static void readSmallBody(Context ctx) {
        long length = ctx.contentLength();
        if (length > 0 && length <= SMALL_BODY_BYTES) {
            ctx.bodyAsBytes();
        }
    }

    private static final long SMALL_BODY_BYTES = 64 * 1024;
}
