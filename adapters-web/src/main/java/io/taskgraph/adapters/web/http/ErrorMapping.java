package io.taskgraph.adapters.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.TaskgraphException;

/**
 * The one place where exceptions become HTTP responses: a status and {@code {"error": message}}. The status follows
 * the error's {@link ErrorCategory}, the classification the CLI's exit codes follow too. Messages are the
 * exceptions' own (written for the user); anything unexpected is logged with its stack trace here and answered with
 * a plain 500 that shows none.
 */
final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    static int status(ErrorCategory category) {
        return switch (category) {
            case BAD_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case SETUP -> 503;
            case UPSTREAM -> 502;
            case INTERNAL -> 500;
        };
    }

    static int status(Problem problem) {
        return problem.category().map(ErrorMapping::status).orElseGet(() -> switch (problem) {
            case TOO_LARGE -> 413;
            case FORBIDDEN -> 403;
            default -> throw new IllegalStateException(problem + " has a category");
        });
    }

    /** The status of any exception a handler lets through. */
    static int status(Exception e) {
        return e instanceof WebException web ? status(web.problem()) : status(ErrorCategory.of(e));
    }

    private static void notFound(io.javalin.http.Context ctx) {
        JsonResponses.error(ctx, 404, "No such page or endpoint: " + ctx.method() + " " + ctx.path()
                + ". The API lives under /api (GET /api/specs, POST /api/run, GET /api/run/{id}...).");
    }

    static void register(RoutesConfig routes) {
        routes.exception(WebException.class, (e, ctx) -> JsonResponses.error(ctx, status(e), e.getMessage()));
        routes.exception(TaskgraphException.class, (e, ctx) -> {
            if (e.category() == ErrorCategory.INTERNAL) {
                LOG.log(System.Logger.Level.ERROR, "Internal error on " + ctx.method() + " " + ctx.path(), e);
            }
            JsonResponses.error(ctx, status(e), e.getMessage());
        });
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
