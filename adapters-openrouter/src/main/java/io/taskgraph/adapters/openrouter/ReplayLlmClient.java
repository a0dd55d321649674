package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers model calls from a cassette written by {@link RecordingLlmClient}, with no network. A call is matched by
 * task and turn, so concurrent tasks replay correctly however their calls interleave. When the conversation no
 * longer matches the recording (see {@link ConversationCheck}) or the cassette has no such turn, the call fails with
 * an {@link LlmException} naming the task, the turn and what differed. Immutable after loading; thread-safe.
 */
public final class ReplayLlmClient implements LlmClient {
    private final Path cassette;
    private final Map<String, Map<Integer, CassetteEntry>> byTask;

    public ReplayLlmClient(Path cassette) {
        this.cassette = cassette;
        this.byTask = load(cassette);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        Map<Integer, CassetteEntry> turns = byTask.get(request.task());
        if (turns == null) {
            throw new LlmException("The cassette " + cassette + " has no recording of task '" + request.task()
                    + "' (it recorded " + String.join(", ", byTask.keySet()) + "). Record the run again.", false);
        }
        CassetteEntry entry = turns.get(request.turn());
        if (entry == null) {
            throw new LlmException("The cassette " + cassette + " has no turn " + request.turn() + " for task '"
                    + request.task() + "' (it recorded turns 1-" + Collections.max(turns.keySet())
                    + "): the conversation went further than the recording. Record the run again.", false);
        }
        Optional<String> difference = ConversationCheck.firstDifference(entry.messages(), request.messages());
        if (difference.isPresent()) {
            throw new LlmException("Replay of task '" + request.task() + "' diverged from the cassette " + cassette
                    + " at turn " + request.turn() + ": " + difference.get()
                    + ". The spec, the prompts or the data changed since the recording; record the run again.", false);
        }
        return entry.response();
    }

    /** The tasks the cassette recorded, sorted. */
    public List<String> tasks() {
        return List.copyOf(byTask.keySet());
    }

    /** The model of the first recorded call, for reports; empty for an empty cassette. */
    public Optional<String> recordedModel() {
        return byTask.values().stream().flatMap(turns -> turns.values().stream())
                .map(CassetteEntry::model).filter(model -> !model.isEmpty()).findFirst();
    }

    private static Map<String, Map<Integer, CassetteEntry>> load(Path cassette) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cassette, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LlmException("The cassette " + cassette + " does not exist; record one first or check the path.",
                    true, e);
        } catch (IOException e) {
            throw new LlmException("Cannot read the cassette " + cassette + " (" + e.getMessage() + ").", true, e);
        }
        Map<String, Map<Integer, CassetteEntry>> byTask = new TreeMap<>();
        Map<String, Integer> lineOf = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            CassetteEntry entry;
            try {
                entry = CassetteFormat.parse(line);
            } catch (IllegalArgumentException e) {
                throw new LlmException("Line " + (i + 1) + " of the cassette " + cassette + " is not a recorded call: "
                        + e.getMessage() + ".", true, e);
            }
            String key = entry.task() + "#" + entry.turn();
            Integer earlier = lineOf.putIfAbsent(key, i + 1);
            if (earlier != null) {
                throw new LlmException("The cassette " + cassette + " records turn " + entry.turn() + " of task '"
                        + entry.task() + "' twice (lines " + earlier + " and " + (i + 1)
                        + "); it mixes two runs. Record the run again into a new file.", true);
            }
            byTask.computeIfAbsent(entry.task(), task -> new TreeMap<>()).put(entry.turn(), entry);
        }
        byTask.replaceAll((task, turns) -> Collections.unmodifiableMap(turns));
        return Collections.unmodifiableMap(byTask);
    }

    @Override
    public String toString() {
        return "ReplayLlmClient[" + cassette + ", tasks=" + new TreeSet<>(byTask.keySet()) + "]";
    }
}
