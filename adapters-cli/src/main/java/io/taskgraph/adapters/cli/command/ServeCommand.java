package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taskgraph serve}: the web page and HTTP API. The server reads the same LLM settings and spec discovery as
 * the other commands, from the directory it is started in; Ctrl-C stops it, marking unfinished runs interrupted.
 */
@Command(name = "serve", description = "Start the web interface and HTTP API.",
        footer = {"", "Example:", "  taskgraph serve --port 8000      # then open http://127.0.0.1:8000/"})
public final class ServeCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--port", defaultValue = "8000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = WebConfig.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}; other machines can reach the server only "
                    + "if you bind a public address such as 0.0.0.0).")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "Also answer requests addressed to this host name (repeatable), e.g. a name on your network "
                    + "or a reverse proxy's. Without it the server answers only to localhost, 127.0.0.1, [::1] and "
                    + "its own IP addresses, so web pages cannot reach it through DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Mixin
    HelpOption help;

    public ServeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        WebServer server = WebServer.start(WebConfig.of(host, port, cli.workingDirectory(), cli.environment())
                .withAllowedHosts(allowedHosts));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "taskgraph-serve-shutdown"));
        cli.out().println("Taskgraph web app on " + server.url() + " (runs in " + server.runsDirectory()
                + "). Press Ctrl-C to stop.");
        stopped.await();
        return ExitCodes.OK;
    }
}
