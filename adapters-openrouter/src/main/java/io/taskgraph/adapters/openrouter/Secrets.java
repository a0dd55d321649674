package io.taskgraph.adapters.openrouter;

/** Keeps the API key out of every text a person or a file may see: messages, events, cassettes. */
final class Secrets {
    static final String MASK = "[redacted]";

    private Secrets() {
    }

    /** {@code text} with every occurrence of {@code secret} replaced by {@link #MASK}. */
    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
