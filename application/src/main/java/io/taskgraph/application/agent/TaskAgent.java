package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.List;

/**
 * One task as an agent conversation: the system prompt, a briefing as first message, the {@code run_sql}
 * tool on the task's own guarded session, and the task's output validation as the finishing check.
 */
public final class TaskAgent implements AgentTask {
    private final TaskSpec task;
    private final TaskSession session;
    private final String briefing;
    private final RunSqlTool runSql;
    private final InputPreviews previews;
    private final OutputPictures pictures;

    private TaskAgent(TaskSpec task, TaskSession session, RunListener listener, InputPreviews previews,
                      String briefing) {
        this.task = task;
        this.session = session;
        this.briefing = briefing;
        this.previews = previews;
        this.pictures = new OutputPictures(task.outputs(),
                output -> TaskBriefing.pictureOfOutput(task, session.namespace(), session, output));
        this.runSql = new RunSqlTool(task, session, listener, pictures::statementRun);
    }

    /** An agent that builds the task's outputs from scratch. */
    public static TaskAgent fresh(TaskSpec task, TaskSession session, RunListener listener, InputPreviews previews) {
        return new TaskAgent(task, session, listener, previews,
                TaskBriefing.fresh(task, session.namespace(), session, previews));
    }

    /** An agent that reviews existing outputs, told what currently fails (possibly nothing). */
    public static TaskAgent review(TaskSpec task, TaskSession session, RunListener listener, InputPreviews previews,
                                   List<String> currentFailures) {
        return new TaskAgent(task, session, listener, previews,
                TaskBriefing.review(task, session.namespace(), session, previews, currentFailures));
    }

    /** An agent that repairs a SQL task whose statements or validation failed. */
    public static TaskAgent repair(TaskSpec task, TaskSession session, RunListener listener, InputPreviews previews,
                                   List<String> errors) {
        return new TaskAgent(task, session, listener, previews,
                TaskBriefing.repair(task, session.namespace(), session, previews, errors));
    }

    /** While the model thinks, the task pictures its outputs for the briefings of the tasks that will read them. */
    @Override
    public void awaitingModel() {
        pictures.takeSoon();
    }

    /** Called once the task has passed and its conversation is over: its readers may use those pictures. */
    public void passed() {
        pictures.sharePassed(previews);
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public List<ChatMessage> opening() {
        return List.of(new ChatMessage.System(SystemPrompt.text()), new ChatMessage.User(briefing));
    }

    @Override
    public List<Tool> tools() {
        return List.of(runSql);
    }

    @Override
    public ValidationReport validate() {
        return OutputValidator.validate(task, session);
    }

    public String briefing() {
        return briefing;
    }
}
