package io.taskgraph.adapters.web.run;

import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The runs this server started, by id. Ids are random (unguessable, so one user cannot stumble on another's
 * run) and are also the names of the run folders under the runs directory.
 */
public final class RunRegistry {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final Path runsDirectory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebRun> runs = new ConcurrentHashMap<>();

    public RunRegistry(Path runsDirectory, Clock clock) {
        this.runsDirectory = runsDirectory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** A new, empty run folder with a fresh id (its name). */
    RunFolder newFolder() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return RunFolder.create(runsDirectory.resolve(HexFormat.of().formatHex(bytes)));
    }

    WebRun register(RunFolder folder, RunSettings settings, List<String> uploads) {
        String id = folder.root().getFileName().toString();
        WebRun run = new WebRun(id, settings, folder, uploads, clock);
        runs.put(id, run);
        return run;
    }

    /** The run with that id; a 404 naming the id when there is none. */
    public WebRun find(String id) {
        WebRun run = id == null || !ID.matcher(id).matches() ? null : runs.get(id);
        if (run == null) {
            String shown = id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id;
            throw WebException.notFound("No run with id '" + shown + "' on this server; POST /api/run starts one "
                    + "(runs are forgotten when the server restarts).");
        }
        return run;
    }

    public List<WebRun> all() {
        return new ArrayList<>(runs.values());
    }
}
