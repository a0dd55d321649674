package io.taskgraph.domain.llm;

import java.util.List;

/** One message of a chat conversation, in the OpenAI chat format's four roles. */
public sealed interface ChatMessage {
    String role();

    /** Text content; may be empty for an assistant message that only calls tools. */
    String content();

    record System(String content) implements ChatMessage {
        public String role() {
            return "system";
        }
    }

    record User(String content) implements ChatMessage {
        public String role() {
            return "user";
        }
    }

    record Assistant(String content, List<ToolCall> toolCalls) implements ChatMessage {
        public Assistant {
            content = content == null ? "" : content;
            toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        }

        public String role() {
            return "assistant";
        }
    }

    record Tool(String toolCallId, String content) implements ChatMessage {
        public String role() {
            return "tool";
        }
    }
}
