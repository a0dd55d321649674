package io.taskgraph.adapters.web.error;

/**
 * A request the web app refuses, with a message for the person who sent it (what is wrong and what to do).
 * Thrown anywhere in the web module; {@code http.ErrorMapping} turns it into a status and a JSON body.
 */
public final class WebException extends RuntimeException {
    private final Problem problem;

    public WebException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static WebException badInput(String message) {
        return new WebException(Problem.BAD_INPUT, message);
    }

    public static WebException notFound(String message) {
        return new WebException(Problem.NOT_FOUND, message);
    }

    public static WebException notReady(String message) {
        return new WebException(Problem.NOT_READY, message);
    }

    public static WebException tooLarge(String message) {
        return new WebException(Problem.TOO_LARGE, message);
    }
}
