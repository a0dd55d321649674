package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph serve} starts the web app from the real jar, serves the API, and stops cleanly on SIGTERM. */
@Tag("e2e")
class ServeE2ETest {
    @TempDir
    Path dir;

    @Test
    void serveListensOnTheGivenPortListsTheAppsSpecsAndStopsOnSignal() throws Exception {
        AppDir app = new AppDir(dir);
        app.write("specs/main.py", AppDir.EMPLOYEES);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Taskgraph.Running running = new Taskgraph(dir).start("serve", "--port", Integer.toString(port));
        try {
            String url = "http://127.0.0.1:" + port + "/";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!running.outSoFar().contains("Taskgraph web app on " + url)) {
                if (!running.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("server did not start:\n" + running.finish().all());
                }
                Thread.sleep(100);
            }
            HttpResponse<String> specs = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "api/specs")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, specs.statusCode());
            assertTrue(specs.body().contains("\"id\":\"specs.main\""), specs.body());
            assertTrue(specs.body().contains("\"id\":\"examples.specs.diamond\""), specs.body());
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(running.process().pid())).start().waitFor();
        }
        Taskgraph.Result stopped = running.finish();
        assertEquals(143, stopped.exitCode(), stopped.all());
    }
}
