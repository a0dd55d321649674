package io.taskgraph.adapters.cli;

/**
 * How much the web server's libraries (Jetty, Javalin) log, through the slf4j backend this jar ships: warnings and
 * errors only, so {@code serve} starts with just its own line; everything they say with {@code --debug}. A level the
 * user set themselves ({@code JAVA_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=...}) is kept.
 */
public final class ServerLog {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private ServerLog() {
    }

    /** Sets the level; must run before the server's first log line (slf4j reads it once). */
    public static void configure(boolean debug) {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, debug ? "info" : "warn");
        }
    }
}
