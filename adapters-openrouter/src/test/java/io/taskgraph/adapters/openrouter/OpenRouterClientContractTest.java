package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.testing.LlmClientContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;

/**
 * The HTTP client passes the LlmClient contract against a real HTTP server on 127.0.0.1. The server knows nothing
 * of tasks and turns (they are not on the wire): it reads them from the conversation, as the contract's requests
 * name the task in the user message, and the turn is one more than the assistant messages so far.
 */
class OpenRouterClientContractTest extends LlmClientContract {
    private final List<AutoCloseable> open = new ArrayList<>();

    @Override
    protected LlmClient clientAnswering(Map<String, List<ChatResponse>> responsesByTask) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode messages = OpenAiJson.read(request.getBody().utf8()).get("messages");
                String user = messages.get(1).get("content").asText();
                String task = user.substring("Task ".length(), user.indexOf(':'));
                int assistants = 0;
                for (JsonNode message : messages) {
                    assistants += "assistant".equals(message.get("role").asText()) ? 1 : 0;
                }
                return OpenAiJson.ok(responsesByTask.get(task).get(assistants));
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        open.add(server);
        OpenRouterClient client = new OpenRouterClient(
                OpenRouterConfig.of(server.url("/api/v1").toString(), "sk-or-contract"), event -> { });
        open.add(client);
        return client;
    }

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }
}
