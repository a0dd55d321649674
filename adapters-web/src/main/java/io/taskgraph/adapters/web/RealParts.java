package io.taskgraph.adapters.web;

/** The real pipeline behind {@link WebServer#start(WebConfig)}. */
final class RealParts {
    private RealParts() {
    }

    static WebServer.Parts of(WebConfig config) {
        throw new UnsupportedOperationException("wired once the application and adapters land");
    }
}
