package io.taskgraph.domain.testing;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deterministic fake model the application tests run on. Each task plays its own script of {@link Turn}s in
 * order, whatever order the tasks call in; every request is recorded per task for assertions. Thread-safe: tasks
 * call concurrently, and a turn's delay is slept outside any lock so concurrent tasks really overlap.
 *
 * <pre>{@code
 * ScriptedLlmClient llm = ScriptedLlmClient.create()
 *     .task("prep", Turn.sql("CREATE VIEW prepared_sales AS SELECT 1 AS x"), Turn.answer("done"));
 * }</pre>
 *
 * A request for more turns than scripted, or whose {@code turn()} is not this task's next call number, fails with
 * an {@link LlmException} naming the task and the turn (the agent loop reports it like any model failure).
 */
public final class ScriptedLlmClient implements LlmClient {
    /** Usage reported by every response unless the client or the turn says otherwise. */
    public static final Usage DEFAULT_USAGE = new Usage(100, 20, 0, 0);

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<ChatRequest> allRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong callIds = new AtomicLong();
    private volatile Usage defaultUsage = DEFAULT_USAGE;

    private ScriptedLlmClient() {
    }

    public static ScriptedLlmClient create() {
        return new ScriptedLlmClient();
    }

    /** Scripts (or extends the script of) {@code task} with these turns, played in order. */
    public ScriptedLlmClient task(String task, Turn... turns) {
        scripts.computeIfAbsent(task, Script::new).add(List.of(turns));
        return this;
    }

    /** Usage reported by every turn that does not carry its own. */
    public ScriptedLlmClient usagePerResponse(Usage usage) {
        this.defaultUsage = usage;
        return this;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        allRequests.add(request);
        Script script = scripts.get(request.task());
        if (script == null) {
            throw new LlmException("The scripted model has no script for task '" + request.task()
                    + "' (turn " + request.turn() + "); scripted tasks: " + scripts.keySet() + ".", false);
        }
        Turn turn = script.next(request);
        sleep(turn.delay(), request);
        return turn.respond(new Turn.Context(request, defaultUsage,
                task -> "call_" + task + "_" + callIds.incrementAndGet()));
    }

    /** Every request {@code task} sent, in order (empty when it sent none). */
    public List<ChatRequest> requests(String task) {
        Script script = scripts.get(task);
        return script == null ? List.of() : script.received();
    }

    /** Every request of every task, in arrival order. */
    public List<ChatRequest> requests() {
        return List.copyOf(allRequests);
    }

    /** How many scripted turns of {@code task} have not been played yet. */
    public int remainingTurns(String task) {
        Script script = scripts.get(task);
        return script == null ? 0 : script.remaining();
    }

    private static void sleep(Duration delay, ChatRequest request) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("The scripted model was interrupted while answering task '" + request.task()
                    + "' turn " + request.turn() + ".", false, e);
        }
    }

    /** One task's turns and the requests it received; guarded by its own monitor. */
    private static final class Script {
        private final String task;
        private final List<Turn> turns = new ArrayList<>();
        private final List<ChatRequest> received = new ArrayList<>();

        Script(String task) {
            this.task = task;
        }

        synchronized void add(List<Turn> more) {
            turns.addAll(more);
        }

        synchronized Turn next(ChatRequest request) {
            received.add(request);
            int expected = received.size();
            if (request.turn() != expected) {
                throw new LlmException("The scripted model got turn " + request.turn() + " from task '" + task
                        + "', but this is its call number " + expected + "; turns must count 1, 2, 3, ... per task.",
                        false);
            }
            if (expected > turns.size()) {
                throw new LlmException("The scripted model ran out of turns: task '" + task + "' asked for turn "
                        + expected + " but only " + turns.size() + " are scripted.", false);
            }
            return turns.get(expected - 1);
        }

        synchronized List<ChatRequest> received() {
            return List.copyOf(received);
        }

        synchronized int remaining() {
            return Math.max(0, turns.size() - received.size());
        }
    }
}
