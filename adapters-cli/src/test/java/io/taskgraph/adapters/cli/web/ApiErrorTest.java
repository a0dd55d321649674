package io.taskgraph.adapters.cli.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.Multipart;
import io.taskgraph.adapters.web.http.UploadLimits;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the API: status, a JSON error that says why, and never a stack trace or a file outside a run. */
class ApiErrorTest {
    static final String UNKNOWN_ID = "0123456789abcdef";

    @TempDir
    static Path temp;
    static WebFixture web;
    static String finishedRun;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start(temp, config -> config.withUploadLimits(new UploadLimits(1024, 2)), true);
        finishedRun = web.startRun("specs.main");
        assertEquals("succeeded", web.awaitResult(finishedRun).get("state").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    /** The response is a JSON error with this status whose message contains {@code fragment}. */
    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        String error = json(response).get("error").asText();
        assertTrue(error.contains(fragment), "'" + error + "' should contain '" + fragment + "'");
        assertNoStackTrace(response.body());
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("\tat ") || body.contains("at io.") || body.contains("at org.")
                || body.contains("Exception"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/stream", "/download/db", "/exports", "/download/export/summary.csv",
            "/preview/department_summary", "/report"})
    void anUnknownRunIdIsA404ThatNamesTheId(String endpoint) {
        HttpRequest request = HttpRequest.newBuilder(web.uri("/api/run/" + UNKNOWN_ID + endpoint))
                .header("Accept", "text/event-stream, application/json").GET().build();

        assertError(web.send(request), 404, "No run with id '" + UNKNOWN_ID + "'");
    }

    @Test
    void aMalformedRunIdIsA404Too() {
        assertError(web.get("/api/run/not-a-run"), 404, "No run with id 'not-a-run'");
        assertError(web.get("/api/run/..%2F..%2Fetc/exports"), 404, "No run with id");
    }

    @Test
    void aRunWithoutASpecIdIsRefused() {
        assertError(web.post(new Multipart().field("model", "x/y")), 400,
                "Form field 'spec_id' is missing: pick a spec from GET /api/specs.");
    }

    @Test
    void anUnknownSpecIsRefusedSoNoArbitraryModuleCanBeImported() {
        assertError(web.post(new Multipart().field("spec_id", "os")), 400, "Unknown spec 'os'");
        assertError(web.post(new Multipart().field("spec_id", "specs._helpers")), 400, "Unknown spec 'specs._helpers'");
    }

    @Test
    void aBadReasoningEffortOrModelIsRefusedWithTheReason() {
        assertError(web.post(new Multipart().field("spec_id", "specs.main").field("reasoning_effort", "extreme")), 400,
                "Form field 'reasoning_effort': Unknown reasoning effort 'extreme'; use low, medium or high.");
        assertError(web.post(new Multipart().field("spec_id", "specs.main").field("model", "gpt 5; rm -rf")), 400,
                "Form field 'model' must be a model id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "2001", "ten", "1.5", "99999999999999999999"})
    void maxIterationsMustBeAWholeNumberWithinTheServersLimit(String value) {
        assertError(web.post(new Multipart().field("spec_id", "specs.main").field("max_iterations", value)), 400,
                "Form field 'max_iterations' must be a whole number from 1 to 2000 (model calls per task), not '"
                        + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'.");
    }

    @Test
    void moreFilesThanAllowedIsA413() {
        Multipart form = new Multipart().field("spec_id", "specs.uploads")
                .file("a.csv", "x\n").file("b.csv", "x\n").file("c.csv", "x\n");

        assertError(web.post(form), 413, "3 files were uploaded; this server accepts at most 2 per run.");
    }

    @Test
    void aFileLargerThanAllowedIsA413() {
        Multipart form = new Multipart().field("spec_id", "specs.uploads").file("sales.csv", "y".repeat(1025));

        assertError(web.post(form), 413, "File 'sales.csv' is 1025 bytes; this server accepts files of up to 1 KiB.");
    }

    @Test
    void aRequestFarLargerThanAnyAllowedUploadIsRefusedBeforeItIsRead() throws Exception {
        Multipart form = new Multipart().field("spec_id", "specs.uploads")
                .file("big.csv", "z".repeat(4 * 1024 * 1024));

        long runsBefore = countRuns();
        try {
            assertError(web.post(form), 413, "more than this server accepts (2 files of up to 1 KiB each)");
        } catch (java.io.UncheckedIOException refusedMidUpload) {
            // The server answers 413 and closes without reading the body; when it closes before the client has sent
            // all 4 MiB, the client sees a broken pipe instead of the answer. Either way the upload was refused unread.
            assertTrue(String.valueOf(refusedMidUpload.getCause()).contains("IOException"), refusedMidUpload.toString());
        }
        assertEquals(runsBefore, countRuns(), "a refused upload leaves no run folder behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.csv", "../../evil.csv", "/tmp/evil.csv", "sub/evil.csv", "..", "..\\\\evil.csv"})
    void uploadNamesThatLeadOutOfTheRunFolderAreRefused(String name) throws Exception {
        long runsBefore = countRuns();

        assertError(web.post(new Multipart().field("spec_id", "specs.uploads").file(name, "region,amount\n")), 400,
                "Upload name '");

        assertEquals(runsBefore, countRuns(), "a refused request leaves no run folder behind");
        try (Stream<Path> files = Files.walk(temp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("evil.csv")), "no evil.csv anywhere");
        }
        assertFalse(Files.exists(Path.of("/tmp/evil.csv")));
    }

    @Test
    void twoUploadsWithTheSameNameAreRefused() {
        assertError(web.post(new Multipart().field("spec_id", "specs.uploads").file("a.csv", "1").file("a.csv", "2")),
                400, "Two uploaded files are named 'a.csv'");
    }

    private static long countRuns() throws Exception {
        try (Stream<Path> runs = Files.list(web.server.runsDirectory())) {
            return runs.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2Foutput.db", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..%5Coutput.db",
            "%2E%2E%2Foutput.db", "..", "%2E%2E", "output.db", "data", "..%252Foutput.db"})
    void exportDownloadsCannotReachAnyOtherFile(String name) {
        HttpResponse<String> response = web.get("/api/run/" + finishedRun + "/download/export/" + name);

        assertTrue(response.statusCode() == 400 || response.statusCode() == 404,
                name + " -> " + response.statusCode() + " " + response.body());
        assertFalse(response.body().contains("DUCK") || response.body().contains("root:"), response.body());
        assertNoStackTrace(response.body());
    }

    @Test
    void pathTricksInTheUrlItselfNeverServeAFile() throws Exception {
        for (String path : List.of("/api/run/" + finishedRun + "/download/export/../../download/db",
                "/api/run/" + finishedRun + "/download/export/%2e%2e/%2e%2e/download/db",
                "/api/run/" + finishedRun + "/download/export//etc/passwd",
                "/static/../../../../etc/passwd", "/..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd")) {
            HttpResponse<String> response = web.send(HttpRequest.newBuilder(new URI("http", null, "127.0.0.1",
                    web.server.port(), null, null, null).resolve(URI.create(path).getRawPath())).GET().build());
            assertFalse(response.statusCode() == 200 && (response.body().contains("root:") || response.body().contains("DUCK")),
                    path + " -> " + response.statusCode());
            assertNoStackTrace(response.body());
        }
    }

    @Test
    void previewsOnlyReadViewsOfTheWorkspaceWithASaneLimit() {
        String base = "/api/run/" + finishedRun + "/preview/";
        assertError(web.get(base + "no_such_view"), 404, "has no view named 'no_such_view'");
        assertError(web.get(base + "employees"), 404, "has no view named 'employees'");
        assertError(web.get(base + "_trace"), 404, "has no view named '_trace'");
        assertError(web.get(base + "department_summary%22%3B%20DROP%20VIEW%20x%3B--"), 404, "has no view named");
        assertError(web.get(base + "department_summary?limit=0"), 400, "'limit' must be a whole number from 1 to 1000");
        assertError(web.get(base + "department_summary?limit=abc"), 400, "got 'abc'");
        assertEquals(200, web.get(base + "department_summary").statusCode(), "the view is still there");
    }

    @Test
    void theStreamNeedsAnEventStreamClient() {
        assertError(web.get("/api/run/" + finishedRun + "/stream"), 400, "send 'Accept: text/event-stream'");
    }

    @Test
    void anotherSiteCannotStartRunsThroughTheUsersBrowser() {
        Multipart form = new Multipart().field("spec_id", "specs.main");
        HttpRequest request = HttpRequest.newBuilder(web.uri("/api/run")).header("Content-Type", form.contentType())
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build();

        assertError(web.send(request), 403, "Runs can only be started from this server's own page");
    }

    @Test
    void unknownApiPathsAnswerWithAJson404() {
        assertError(web.get("/api/nothing-here"), 404, "No such page or endpoint: GET /api/nothing-here");
    }

    @Test
    void thePageAndItsScriptAndStylesAreServedFromTheJar() {
        HttpResponse<String> page = web.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Taskgraph</title>"));
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(200, web.get("/app.js").statusCode());
        assertEquals(200, web.get("/style.css").statusCode());
    }
}
