package io.taskgraph.adapters.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.graph.TaskSelection;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing tasks on the web, over real HTTP to the real server: {@code GET /api/specs/{id}/tasks} lists what can be
 * chosen, and {@code POST /api/run} passes its {@code select} fields to the run as the CLI's {@code --select} would,
 * refusing (400, nothing started, no folder left) a selection the spec cannot satisfy.
 */
class RunSelectionApiTest {
    @TempDir
    Path temp;
    FakeServer web;

    @BeforeEach
    void start() throws IOException {
        web = FakeServer.start(temp, new FakeRuns(0, 0), config -> config.withRunsDirectory(temp.resolve("runs")));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aSpecsTasksAreListedInSpecOrderWithWhatEachDependsOn() {
        HttpResponse<String> response = web.get("/api/specs/" + FakeServer.SPEC + "/tasks");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(FakeServer.SPEC, body.get("spec_id").asText());
        List<String> tasks = new ArrayList<>();
        body.get("tasks").forEach(t -> tasks.add(t.get("name").asText() + " <- " + t.get("depends_on")));
        assertEquals(List.of("prep <- []", "sales <- [\"prep\"]", "costs <- [\"prep\"]",
                "report <- [\"sales\",\"costs\"]"), tasks);
        assertEquals("agent", body.get("tasks").get(0).get("kind").asText());
        assertEquals(0, body.get("problems").size());
    }

    @Test
    void anUnknownSpecHasNoTasksToList() {
        HttpResponse<String> response = web.get("/api/specs/specs.nope/tasks");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().startsWith("Unknown spec 'specs.nope'"), response.body());
    }

    @Test
    void repeatedAndCommaSeparatedSelectFieldsReachTheRunAsOneSelection() {
        String id = web.startRun(new Multipart().field("spec_id", FakeServer.SPEC).field("select", "sales, +report")
                .field("select", "costs+"));
        web.awaitResult(id);

        TaskSelection selection = web.runs.requests.get(0).selection();
        assertEquals("sales,+report,costs+", selection.text());
        assertEquals("[\"sales\",\"+report\",\"costs+\"]", json(web.get("/api/run/" + id)).get("select").toString());
    }

    @Test
    void noSelectionOrAnEmptyOneRunsEveryTask() {
        web.awaitResult(web.startRun(new Multipart().field("spec_id", FakeServer.SPEC)));
        web.awaitResult(web.startRun(new Multipart().field("spec_id", FakeServer.SPEC).field("select", "")));

        assertEquals(List.of(true, true), web.runs.requests.stream().map(r -> r.selection().all()).toList());
    }

    @Test
    void aSelectionNamingAnUnknownTaskIsRefusedWithTheSpecsTasksAndStartsNothing() throws IOException {
        HttpResponse<String> response = web.post(new Multipart().field("spec_id", FakeServer.SPEC)
                .field("select", "sales").field("select", "reprot+"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("No task named 'reprot' in the selection (did you mean 'report'?); the spec's tasks are prep, "
                + "sales, costs, report.", json(response).get("error").asText());
        assertEquals(List.of(), web.runs.requests, "no run was started");
        assertEquals("[]", json(web.get("/api/runs")).toString());
        try (Stream<Path> folders = Files.list(web.server.runsDirectory())) {
            assertEquals(List.of(), folders.toList(), "the refused run left no folder behind");
        }
    }

    @Test
    void aMalformedSelectorIsRefusedNamingTheFieldAndTheSyntax() {
        HttpResponse<String> response = web.post(new Multipart().field("spec_id", FakeServer.SPEC)
                .field("select", "sales,,costs"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("Form field 'select': Cannot select tasks with an empty selector (in 'sales,,costs'); write a "
                + "task name, NAME+ for it and everything downstream, +NAME for it and everything upstream, or +NAME+ "
                + "for both; separate several with commas.", json(response).get("error").asText());
        assertEquals(List.of(), web.runs.requests);
    }
}
