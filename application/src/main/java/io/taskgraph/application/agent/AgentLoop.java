package io.taskgraph.application.agent;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The generic agent loop. Each iteration is one model call with the whole conversation; the tool calls of
 * the answer run in the order given and their results are appended. An answer without tool calls means
 * "done": the task is validated, and a failure goes back to the model as a {@code Validation failed:} message.
 * The loop ends when validation passes, the model call budget or the token circuit breaker is spent, the
 * model answers turn after turn without a tool call and with the same validation failure ({@link IdleTurns}), the
 * model cannot be reached, or the run is cancelled. Broken tool calls get an error result, never a crash.
 */
public final class AgentLoop {
    private final LlmClient llm;
    private final RunListener listener;
    private final Consumer<LlmException> accessDenied;

    public AgentLoop(LlmClient llm, RunListener listener) {
        this(llm, listener, e -> { });
    }

    /**
     * {@code accessDenied} hears of a model failure no call of the run can get past ({@link LlmException#stopsRun()}),
     * so the caller can stop the other tasks; the conversation that met it ends as {@link AgentStop#MODEL_ACCESS_DENIED}.
     */
    public AgentLoop(LlmClient llm, RunListener listener, Consumer<LlmException> accessDenied) {
        this.llm = llm;
        this.listener = listener;
        this.accessDenied = accessDenied;
    }

    public AgentResult run(AgentTask task, AgentSettings settings, BooleanSupplier cancelled) {
        return new Conversation(task, settings, cancelled).run();
    }

    private final class Conversation {
        private final AgentTask task;
        private final AgentSettings settings;
        private final BooleanSupplier cancelled;
        private final List<ChatMessage> messages;
        private final Map<String, Tool> tools = new LinkedHashMap<>();
        private final List<ToolDefinition> definitions = new ArrayList<>();
        private final RepeatDetector repeats = new RepeatDetector();
        private final IdleTurns idle = new IdleTurns();
        private int iterations;
        private int toolCalls;
        private Usage usage = Usage.NONE;
        private String finalMessage = "";
        private List<String> lastFailures = List.of();

        Conversation(AgentTask task, AgentSettings settings, BooleanSupplier cancelled) {
            this.task = task;
            this.settings = settings;
            this.cancelled = cancelled;
            this.messages = new ArrayList<>(task.opening());
            for (Tool tool : task.tools()) {
                tools.put(tool.definition().name(), tool);
                definitions.add(tool.definition());
            }
        }

        AgentResult run() {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    return interrupted();
                }
                if (iterations >= settings.maxIterations()) {
                    return stopped(AgentStop.ITERATION_BUDGET, "Spent its budget of " + settings.maxIterations()
                            + " model calls without passing validation.");
                }
                if (usage.total() >= settings.tokenBudget()) {
                    return stopped(AgentStop.TOKEN_BUDGET, String.format(Locale.ROOT,
                            "Stopped by the token circuit breaker: %,d prompt+completion tokens used (limit %,d).",
                            usage.total(), settings.tokenBudget()));
                }
                iterations++;
                listener.on(new RunEvent.TaskIteration(task.name(), iterations, usage));
                ChatResponse response;
                if (toolCalls > 0) {
                    task.awaitingModel();
                }
                try {
                    response = llm.complete(new ChatRequest(task.name(), iterations, settings.model(),
                            settings.effort(), messages, definitions));
                } catch (RuntimeException e) {
                    if (cancelled.getAsBoolean()) {
                        return interrupted();
                    }
                    if (e instanceof LlmException llmError && llmError.stopsRun()) {
                        accessDenied.accept(llmError);
                        // Not validated: the outputs are unfinished because the run stopped, not because they fail.
                        return result(AgentStop.MODEL_ACCESS_DENIED, "The model server refused its call ("
                                + llmError.detail() + "), so the run stopped.");
                    }
                    String why = e instanceof LlmException ? e.getMessage()
                            : e.getClass().getSimpleName() + ": " + e.getMessage();
                    return stopped(AgentStop.LLM_ERROR, "The model call failed: " + why);
                }
                usage = usage.plus(response.usage() == null ? Usage.NONE : response.usage());
                ChatMessage.Assistant answer = response.message();
                messages.add(answer);
                if (!answer.content().isBlank()) {
                    finalMessage = answer.content();
                }
                if (answer.toolCalls().isEmpty()) {
                    ValidationReport report = validate();
                    if (report.passed()) {
                        lastFailures = List.of();
                        return result(AgentStop.PASSED, "");
                    }
                    listener.on(new RunEvent.ValidationFailed(task.name(), report.failures()));
                    if (settings.maxIdleTurns() > 0
                            && idle.answeredAndFailed(report.failures()) >= settings.maxIdleTurns()) {
                        return result(AgentStop.NO_PROGRESS, IdleTurns.reason(settings.maxIdleTurns()));
                    }
                    messages.add(new ChatMessage.User(report.feedback()));
                    continue;
                }
                idle.acted();
                Set<String> repeated = repeats.record(answer.toolCalls());
                for (ToolCall call : answer.toolCalls()) {
                    if (cancelled.getAsBoolean()) {
                        return interrupted();
                    }
                    toolCalls++;
                    String content;
                    try {
                        content = execute(call);
                    } catch (RuntimeException e) {
                        if (cancelled.getAsBoolean()) {
                            return interrupted();
                        }
                        return stopped(AgentStop.TOOL_ERROR, "Tool " + call.name() + " failed: " + e.getMessage());
                    }
                    if (repeated.contains(RepeatDetector.key(call))) {
                        content = ToolResults.withField(content, "note", RepeatDetector.note());
                    }
                    messages.add(new ChatMessage.Tool(call.id(), content));
                }
            }
        }

        private String execute(ToolCall call) {
            Tool tool = tools.get(call.name());
            if (tool == null) {
                return ToolResults.error("There is no tool named '" + call.name() + "'; the tools are "
                        + String.join(", ", tools.keySet()) + ".");
            }
            if (call.arguments() instanceof ToolArguments.Malformed broken) {
                return ToolResults.error("The arguments of " + call.name() + " are not a valid JSON object ("
                        + broken.problem() + "); send them as " + example(tool) + ".");
            }
            try {
                return tool.call((ToolArguments.Values) call.arguments());
            } catch (ToolArgumentException e) {
                return ToolResults.error(e.getMessage());
            }
        }

        private String example(Tool tool) {
            return tool.definition().name().equals(RunSqlTool.NAME) ? "{\"query\": \"<one SQL statement>\"}"
                    : "a JSON object matching the tool's parameters";
        }

        private ValidationReport validate() {
            try {
                ValidationReport report = task.validate();
                lastFailures = report.failures();
                return report;
            } catch (RuntimeException e) {
                ValidationReport report = new ValidationReport(List.of("Validation could not run: " + e.getMessage()));
                lastFailures = report.failures();
                return report;
            }
        }

        /** Ends without success; the current state of the outputs is validated so the outcome can say why. */
        private AgentResult stopped(AgentStop stop, String reason) {
            validate();
            return result(stop, reason);
        }

        private AgentResult interrupted() {
            return result(AgentStop.CANCELLED, "Interrupted before the task finished.");
        }

        private AgentResult result(AgentStop stop, String reason) {
            return new AgentResult(stop, iterations, toolCalls, usage, finalMessage, lastFailures, reason);
        }
    }
}
