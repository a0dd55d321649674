package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.LlmException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the model lives and how long to wait for it: the base URL of an OpenAI-compatible server, the API key, and
 * the read timeout (generous by default, because reasoning models think for minutes before the first byte).
 * The key is a secret: {@link #toString()} never shows it.
 */
public final class OpenRouterConfig {
    public static final String API_KEY_VARIABLE = "OPENROUTER_API_KEY";
    public static final String BASE_URL_VARIABLE = "OPENROUTER_BASE_URL";
    /** Optional: seconds to wait for a response before the call counts as timed out (and is retried). */
    public static final String TIMEOUT_VARIABLE = "TASKGRAPH_LLM_TIMEOUT";
    public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String apiKey;
    private final Duration readTimeout;
    private final Duration connectTimeout;

    private OpenRouterConfig(String baseUrl, String apiKey, Duration readTimeout, Duration connectTimeout) {
        this.baseUrl = normalizeBaseUrl(baseUrl);
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.readTimeout = positive(readTimeout, "read timeout");
        this.connectTimeout = positive(connectTimeout, "connect timeout");
    }

    /** A config for this server and key with the default timeouts. */
    public static OpenRouterConfig of(String baseUrl, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw missingKey(null);
        }
        return new OpenRouterConfig(baseUrl, apiKey.strip(), DEFAULT_READ_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Resolves the config the way users set it up: each variable from {@code env} first, else from the {@code .env}
     * file in {@code workingDirectory}. Throws a configuration {@link LlmException} saying how to fix a missing key,
     * a bad base URL or a bad timeout, so a run fails before any task starts.
     */
    public static OpenRouterConfig fromEnvironment(Map<String, String> env, Path workingDirectory) {
        Path dotEnv = workingDirectory.resolve(".env");
        Map<String, String> file;
        try {
            file = DotEnvFile.read(dotEnv);
        } catch (IOException e) {
            throw new LlmException("Could not read " + dotEnv + " (" + e.getMessage() + "); fix its permissions or set "
                    + API_KEY_VARIABLE + " in the environment instead.", true, e);
        }
        String key = lookup(API_KEY_VARIABLE, env, file);
        if (key == null) {
            throw missingKey(dotEnv);
        }
        String baseUrl = Objects.requireNonNullElse(lookup(BASE_URL_VARIABLE, env, file), DEFAULT_BASE_URL);
        Duration readTimeout = timeout(lookup(TIMEOUT_VARIABLE, env, file));
        return new OpenRouterConfig(baseUrl, key, readTimeout, DEFAULT_CONNECT_TIMEOUT);
    }

    public OpenRouterConfig withReadTimeout(Duration timeout) {
        return new OpenRouterConfig(baseUrl, apiKey, timeout, connectTimeout);
    }

    public OpenRouterConfig withConnectTimeout(Duration timeout) {
        return new OpenRouterConfig(baseUrl, apiKey, readTimeout, timeout);
    }

    /** The base URL without a trailing slash, e.g. {@code https://openrouter.ai/api/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String chatCompletionsUrl() {
        return baseUrl + "/chat/completions";
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The secret itself: only for the Authorization header and for redacting it from text. */
    String apiKey() {
        return apiKey;
    }

    @Override
    public String toString() {
        return "OpenRouterConfig[baseUrl=" + baseUrl + ", apiKey=" + Secrets.MASK + ", readTimeout=" + readTimeout
                + ", connectTimeout=" + connectTimeout + "]";
    }

    private static String lookup(String name, Map<String, String> env, Map<String, String> file) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            value = file.get(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LlmException missingKey(Path dotEnv) {
        String where = dotEnv == null ? "a .env file in the working directory" : dotEnv.toString();
        return new LlmException("No OpenRouter API key is set. Set the " + API_KEY_VARIABLE
                + " environment variable (export " + API_KEY_VARIABLE + "=sk-or-...) or add the line "
                + API_KEY_VARIABLE + "=sk-or-... to " + where + ". Keys are at https://openrouter.ai/keys.", true);
    }

    private static String normalizeBaseUrl(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new LlmException(BASE_URL_VARIABLE + " '" + baseUrl + "' is not an http(s) URL; use the base of an "
                    + "OpenAI-compatible API such as " + DEFAULT_BASE_URL + " or http://127.0.0.1:8080/v1.", true, e);
        }
        return url;
    }

    private static Duration timeout(String seconds) {
        if (seconds == null) {
            return DEFAULT_READ_TIMEOUT;
        }
        try {
            long value = Long.parseLong(seconds);
            if (value > 0) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a non-positive number
        }
        throw new LlmException(TIMEOUT_VARIABLE + " '" + seconds + "' is not a positive number of seconds; use e.g. "
                + TIMEOUT_VARIABLE + "=600 for ten minutes.", true);
    }

    private static Duration positive(Duration timeout, String what) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + timeout);
        }
        return timeout;
    }
}
