package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.List;

/** What the generic agent loop needs from one task: how to start, which tools, and how to check the work. */
public interface AgentTask {
    /** The task name, sent with every model call (record/replay key) and on every event. */
    String name();

    /** The first messages of the conversation (system prompt, then the task briefing). */
    List<ChatMessage> opening();

    List<Tool> tools();

    /** Checks the task's outputs when the model says it is done. */
    ValidationReport validate();

    /**
     * Called on the conversation's thread just before a model call that follows tool calls: the task has nothing to
     * do until the answer comes, so work that can be done ahead may start now.
     */
    default void awaitingModel() {
    }
}
