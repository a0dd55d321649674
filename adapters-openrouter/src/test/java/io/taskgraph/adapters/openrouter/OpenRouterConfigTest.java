package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.LlmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRouterConfigTest {
    @TempDir
    Path dir;

    private void dotEnv(String... lines) throws IOException {
        Files.write(dir.resolve(".env"), List.of(lines));
    }

    @Test
    void keyComesFromTheEnvironmentWithTheDefaultBaseUrlAndTimeout() {
        OpenRouterConfig config = OpenRouterConfig.fromEnvironment(Map.of("OPENROUTER_API_KEY", "sk-or-env"), dir);

        assertEquals("sk-or-env", config.apiKey());
        assertEquals("https://openrouter.ai/api/v1", config.baseUrl());
        assertEquals("https://openrouter.ai/api/v1/chat/completions", config.chatCompletionsUrl());
        assertEquals(Duration.ofMinutes(10), config.readTimeout());
    }

    @Test
    void keyComesFromDotEnvWhenTheEnvironmentHasNone() throws IOException {
        dotEnv("# my keys", "", "export OPENROUTER_API_KEY=\"sk-or-from-file\"", "OTHER=1");

        assertEquals("sk-or-from-file", OpenRouterConfig.fromEnvironment(Map.of(), dir).apiKey());
    }

    @Test
    void theEnvironmentWinsOverDotEnv() throws IOException {
        dotEnv("OPENROUTER_API_KEY=sk-or-file", "OPENROUTER_BASE_URL=http://127.0.0.1:9/file");

        OpenRouterConfig config = OpenRouterConfig.fromEnvironment(Map.of(
                "OPENROUTER_API_KEY", "sk-or-env", "OPENROUTER_BASE_URL", "http://127.0.0.1:8080/v1"), dir);

        assertEquals("sk-or-env", config.apiKey());
        assertEquals("http://127.0.0.1:8080/v1", config.baseUrl());
    }

    @Test
    void dotEnvValuesMayBeQuotedOrCarryATrailingComment() {
        Map<String, String> values = DotEnvFile.parse(List.of(
                "A='single # not a comment'", "B = plain value # a comment", "export\tC=\"\"", "  # D=no",
                "not a pair", "=nokey", "E=x=y"));

        assertEquals(Map.of("A", "single # not a comment", "B", "plain value", "C", "", "E", "x=y"), values);
    }

    @Test
    void baseUrlToleratesATrailingSlash() {
        OpenRouterConfig config = OpenRouterConfig.fromEnvironment(Map.of("OPENROUTER_API_KEY", "k",
                "OPENROUTER_BASE_URL", "http://localhost:11434/v1/"), dir);

        assertEquals("http://localhost:11434/v1/chat/completions", config.chatCompletionsUrl());
    }

    @Test
    void aMissingKeyIsAConfigurationErrorSayingHowToSetIt() {
        LlmException e = assertThrows(LlmException.class,
                () -> OpenRouterConfig.fromEnvironment(Map.of("OPENROUTER_API_KEY", "  "), dir));

        assertTrue(e.isConfiguration());
        assertEquals("No OpenRouter API key is set. Set the OPENROUTER_API_KEY environment variable "
                + "(export OPENROUTER_API_KEY=sk-or-...) or add the line OPENROUTER_API_KEY=sk-or-... to "
                + dir.resolve(".env") + ". Keys are at https://openrouter.ai/keys.", e.getMessage());
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAConfigurationError() {
        LlmException e = assertThrows(LlmException.class, () -> OpenRouterConfig.fromEnvironment(
                Map.of("OPENROUTER_API_KEY", "k", "OPENROUTER_BASE_URL", "openrouter.ai/api/v1"), dir));

        assertTrue(e.isConfiguration());
        assertTrue(e.getMessage().startsWith("OPENROUTER_BASE_URL 'openrouter.ai/api/v1' is not an http(s) URL"),
                e.getMessage());
    }

    @Test
    void theReadTimeoutCanBeChangedInSecondsOrInCode() {
        OpenRouterConfig config = OpenRouterConfig.fromEnvironment(
                Map.of("OPENROUTER_API_KEY", "k", "TASKGRAPH_LLM_TIMEOUT", "1800"), dir);

        assertEquals(Duration.ofMinutes(30), config.readTimeout());
        assertEquals(Duration.ofSeconds(5), config.withReadTimeout(Duration.ofSeconds(5)).readTimeout());
        LlmException e = assertThrows(LlmException.class, () -> OpenRouterConfig.fromEnvironment(
                Map.of("OPENROUTER_API_KEY", "k", "TASKGRAPH_LLM_TIMEOUT", "ten"), dir));
        assertEquals("TASKGRAPH_LLM_TIMEOUT 'ten' is not a positive number of seconds; use e.g. "
                + "TASKGRAPH_LLM_TIMEOUT=600 for ten minutes.", e.getMessage());
    }

    @Test
    void toStringNeverShowsTheKey() {
        OpenRouterConfig config = OpenRouterConfig.of("https://openrouter.ai/api/v1", "sk-or-v1-very-secret");

        assertFalse(config.toString().contains("sk-or-v1-very-secret"), config.toString());
        assertTrue(config.toString().contains("apiKey=[redacted]"), config.toString());
    }
}
