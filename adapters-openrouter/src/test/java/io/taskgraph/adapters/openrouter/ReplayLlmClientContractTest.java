package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.testing.LlmClientContract;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The replay client passes the LlmClient contract from a cassette recorded off the scripted model. */
class ReplayLlmClientContractTest extends LlmClientContract {
    @TempDir
    Path dir;

    @Override
    protected LlmClient clientAnswering(Map<String, List<ChatResponse>> responsesByTask) {
        ScriptedLlmClient scripted = ScriptedLlmClient.create();
        responsesByTask.forEach((task, responses) -> scripted.task(task,
                responses.stream().map(response -> Turn.reacting(request -> response)).toArray(Turn[]::new)));
        Path cassette = dir.resolve("contract-" + System.nanoTime() + ".jsonl");
        RecordingLlmClient recorder = new RecordingLlmClient(scripted, cassette);
        responsesByTask.forEach((task, responses) -> {
            for (ChatRequest request : conversation(task, responses)) {
                recorder.complete(request);
            }
        });
        return new ReplayLlmClient(cassette);
    }
}
