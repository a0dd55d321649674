package io.taskgraph.adapters.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.Multipart;
import io.taskgraph.adapters.web.WebConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page on evil.example whose name the attacker made resolve to 127.0.0.1 talks to the server as "its" site: the
 * browser sends {@code Host: evil.example:PORT} and a matching {@code Origin}. Every such request is refused before
 * anything runs, whatever the path or method; the server's own names and {@code --allowed-host} names still work.
 */
class DnsRebindingTest {
    private static final String RUN_ID = "0123456789abcdef";
    /** Every kind of endpoint: the page, static files, the API, the stream, downloads, previews, cancel, 404s. */
    private static final List<String> REQUESTS = List.of(
            "GET /", "GET /index.html", "GET /app.js", "GET /style.css", "HEAD /", "OPTIONS /api/run",
            "GET /api/specs", "GET /api/options", "GET /api/runs", "GET /api/runs/", "GET /api/run/" + RUN_ID,
            "GET /api/run/" + RUN_ID + "/stream", "GET /api/run/" + RUN_ID + "/download/db",
            "GET /api/run/" + RUN_ID + "/exports", "GET /api/run/" + RUN_ID + "/download/export/summary.csv",
            "GET /api/run/" + RUN_ID + "/preview/region_totals", "GET /api/run/" + RUN_ID + "/report",
            "GET /api/specs/specs.main/tasks", "POST /api/run/" + RUN_ID + "/cancel",
            "POST /api/run", "POST /api/run/", "GET /no/such/page");

    @TempDir
    Path temp;

    private static RawHttp.Response send(WebFixture web, String request, String host) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Origin", "http://" + host);
        headers.put("Accept", request.contains("/stream") ? "text/event-stream" : "*/*");
        byte[] body = new byte[0];
        if (request.startsWith("POST /api/run") && !request.contains("cancel")) {
            Multipart form = new Multipart().field("spec_id", "specs.main");
            headers.put("Content-Type", form.contentType());
            body = form.bytes();
        }
        return RawHttp.send(web.server.port(), request + " HTTP/1.1", headers, body);
    }

    private static void assertRefused(RawHttp.Response response, String what, String suggestion) {
        assertEquals(403, response.status(), what + ": " + response.body());
        if (!what.startsWith("HEAD ")) {
            assertTrue(response.headers().getOrDefault("content-type", "").startsWith("application/json"), what);
            assertTrue(response.body().contains("\"error\":\"Refused: this request was addressed to "), response.body());
            assertTrue(response.body().contains("restart the server with --allowed-host " + suggestion + "."),
                    response.body());
        }
    }

    private static void assertNoRunStarted(WebFixture web) throws Exception {
        try (Stream<Path> folders = Files.list(web.server.runsDirectory())) {
            assertEquals(List.of(), folders.toList(), "no run folder");
        }
        assertEquals("[]", RawHttp.get(web.server.port(), "/api/runs", "127.0.0.1:" + web.server.port()).body());
        assertEquals(0, web.llm.requests(), "no model call");
    }

    @Test
    void aForeignHostIsRefusedOnEveryEndpointAndMethodAndNoRunStarts() throws Exception {
        try (WebFixture web = WebFixture.start(temp)) {
            String evil = "evil.example:" + web.server.port();
            for (String request : REQUESTS) {
                assertRefused(send(web, request, evil), request, "evil.example");
            }
            assertEquals("Refused: this request was addressed to '" + evil + "', which is not a name of this server. "
                    + "It answers to localhost, 127.0.0.1, [::1] and the IP addresses it listens on, at port "
                    + web.server.port() + ". A web page may be trying to reach it through DNS rebinding, so nothing was "
                    + "done. If you use that name on purpose (a name on your network, a reverse proxy), restart the "
                    + "server with --allowed-host evil.example.",
                    WebFixture.json(send(web, "GET /api/runs", evil).body()).get("error").asText());
            assertNoRunStarted(web);
        }
    }

    @Test
    void forwardingHeadersAbsoluteUrlsOddSpellingsAndOtherPortsDoNotGetThrough() throws Exception {
        try (WebFixture web = WebFixture.start(temp)) {
            int port = web.server.port();
            String own = "127.0.0.1:" + port;
            Map<String, String> forwarded = Map.of("Host", "evil.example:" + port, "X-Forwarded-Host", own,
                    "Forwarded", "host=" + own, "X-Forwarded-For", "127.0.0.1");
            assertRefused(RawHttp.send(port, "GET /api/runs HTTP/1.1", forwarded, new byte[0]), "forwarded", "evil.example");
            assertRefused(RawHttp.send(port, "GET http://evil.example:" + port + "/api/runs HTTP/1.1",
                    Map.of("Host", "evil.example:" + port), new byte[0]), "an absolute URL", "evil.example");
            int contradicting = RawHttp.send(port, "GET http://evil.example:" + port + "/api/runs HTTP/1.1",
                    Map.of("Host", own), new byte[0]).status();
            assertTrue(contradicting == 400 || contradicting == 403, "a URL naming another host than Host is refused "
                    + "(by Jetty itself, or by the check): " + contradicting);
            for (String host : List.of("localhost:" + (port == 65535 ? 1 : port + 1), "localhost", "evil.example",
                    "127.0.0.1.evil.example:" + port, "localhost.evil.example:" + port, "0.0.0.0:" + port,
                    "127.0.0.2:" + port, "[::2]:" + port)) {
                assertEquals(403, RawHttp.get(port, "/api/specs", host).status(), "Host '" + host + "'");
            }
            for (String malformed : List.of("user@localhost:" + port, "", "localhost:" + port + ":1", "[::1")) {
                int status = RawHttp.get(port, "/api/specs", malformed).status();
                assertTrue(status == 400 || status == 403, "Host '" + malformed + "' is refused (by Jetty itself, or by "
                        + "the check): " + status);
            }
            assertEquals(403, RawHttp.send(port, "GET /api/specs HTTP/1.0", Map.of(), new byte[0]).status(),
                    "no Host at all");
            assertNoRunStarted(web);
        }
    }

    @Test
    void theServersOwnNamesAreAnswered() throws Exception {
        try (WebFixture web = WebFixture.start(temp)) {
            int port = web.server.port();
            for (String host : List.of("localhost:" + port, "LocalHost:" + port, "localhost.:" + port,
                    "127.0.0.1:" + port, "[::1]:" + port)) {
                RawHttp.Response response = RawHttp.get(port, "/api/specs", host);
                assertEquals(200, response.status(), host + ": " + response.body());
                assertTrue(response.body().contains("specs.main"), response.body());
            }
            assertEquals(200, RawHttp.get(port, "/", "localhost:" + port).status(), "the page");
            RawHttp.Response started = send(web, "POST /api/run", "127.0.0.1:" + port);
            assertEquals(201, started.status(), "the page's own Origin may start runs: " + started.body());
        }
    }

    @Test
    void boundToEveryInterfaceTheAddressARequestArrivedOnIsANameButNoHostNameIs() throws Exception {
        try (WebFixture web = WebFixture.start(temp, config -> new WebConfig("0.0.0.0", 0, config.workingDirectory(),
                config.runsDirectory(), config.uploadLimits(), config.maxConcurrentRuns(), config.keepRuns(),
                config.onlySpec(), config.defaultModel(), config.replay(), config.allowedHosts()), true)) {
            int port = web.server.port();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            InetAddress lan = machineAddress().orElse(loopback);
            String literal = lan.getHostAddress();
            assertEquals(200, RawHttp.send(lan, port, "GET /api/specs HTTP/1.1", Map.of("Host", literal + ":" + port),
                    new byte[0]).status(), "the address the request arrived on: " + literal);
            assertEquals(200, RawHttp.get(port, "/api/specs", "localhost:" + port).status());
            for (String host : List.of("0.0.0.0:" + port, "evil.example:" + port, literal + ".nip.io:" + port)) {
                assertEquals(403, RawHttp.send(lan, port, "GET /api/specs HTTP/1.1", Map.of("Host", host),
                        new byte[0]).status(), host);
            }
            if (!lan.equals(loopback)) {
                assertEquals(403, RawHttp.get(port, "/api/specs", literal + ":" + port).status(),
                        "an address of another interface than the one the request came in on");
            }
            assertNoRunStarted(web);
        }
    }

    /** A non-loopback IPv4 address of this machine, when it has one (containers usually do). */
    private static Optional<InetAddress> machineAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    @Test
    void aNameGivenWithAllowedHostIsAnsweredAtAnyPortAndOthersAreStillRefused() throws Exception {
        try (WebFixture web = WebFixture.start(temp, config -> config.withAllowedHosts(List.of("Taskgraph.LAN")), true)) {
            int port = web.server.port();
            for (String host : List.of("taskgraph.lan:" + port, "taskgraph.lan", "taskgraph.lan:443")) {
                assertEquals(200, RawHttp.get(port, "/api/specs", host).status(), host);
            }
            RawHttp.Response started = send(web, "POST /api/run", "taskgraph.lan:" + port);
            assertEquals(201, started.status(), started.body());
            String runId = WebFixture.json(started.body()).get("run_id").asText();
            assertEquals("succeeded", web.awaitResult(runId).get("state").asText());
            RawHttp.Response refused = send(web, "GET /api/run/" + runId + "/download/db", "other.lan:" + port);
            assertEquals(403, refused.status());
            assertTrue(refused.body().contains("It answers to localhost, 127.0.0.1, [::1] and the IP addresses it "
                    + "listens on, at port " + port + ", and to taskgraph.lan."), refused.body());
            assertFalse(refused.body().contains("DUCK"), "no byte of the workspace");
            assertEquals(200, RawHttp.get(port, "/api/run/" + runId + "/download/db", "taskgraph.lan:" + port).status());
        }
    }
}
