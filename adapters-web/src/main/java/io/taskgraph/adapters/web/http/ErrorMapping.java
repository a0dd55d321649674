package io.taskgraph.adapters.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.UsageException;

/**
 * The one place where exceptions become HTTP responses: a status and {@code {"error": message}}. Messages are
 * the exceptions' own (written for the user); anything unexpected is logged with its stack trace here and
 * answered with a plain 500 that shows none.
 */
final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    static int status(Problem problem) {
        return switch (problem) {
            case BAD_INPUT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case NOT_READY -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    private static void notFound(io.javalin.http.Context ctx) {
        JsonResponses.error(ctx, 404, "No such page or endpoint: " + ctx.method() + " " + ctx.path()
                + ". The API lives under /api (GET /api/specs, POST /api/run, GET /api/run/{id}...).");
    }

    static void register(RoutesConfig routes) {
        routes.exception(WebException.class, (e, ctx) -> JsonResponses.error(ctx, status(e.problem()), e.getMessage()));
        routes.exception(UsageException.class, (e, ctx) -> JsonResponses.error(ctx, 400, e.getMessage()));
        routes.exception(InvalidSpecException.class, (e, ctx) -> JsonResponses.error(ctx, 400, e.getMessage()));
        routes.exception(TaskgraphException.class, (e, ctx) -> JsonResponses.error(ctx, 500, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404) {
                notFound(ctx);
            } else {
                JsonResponses.error(ctx, e.getStatus(), e.getMessage());
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "Unexpected error on " + ctx.method() + " " + ctx.path(), e);
            JsonResponses.error(ctx, 500, "Internal server error; the server's log has the details.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                notFound(ctx);
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                JsonResponses.error(ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".");
            }
        });
    }
}
