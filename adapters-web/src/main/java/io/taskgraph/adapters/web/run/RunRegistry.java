package io.taskgraph.adapters.web.run;

import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The runs this server started, by id. Ids are random (unguessable, so one user cannot stumble on another's
 * run) and are also the names of the run folders under the runs directory. Only the last {@code keepRuns} finished
 * runs are kept: an older one is forgotten and its folder deleted, so a long-running server holds a bounded amount
 * of memory and disk however many runs it serves.
 */
public final class RunRegistry {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private static final System.Logger LOG = System.getLogger(RunRegistry.class.getName());

    private final Path runsDirectory;
    private final int keepRuns;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebRun> runs = new ConcurrentHashMap<>();
    /** Finished runs still kept, oldest first. */
    private final Deque<WebRun> finished = new ArrayDeque<>();

    public RunRegistry(Path runsDirectory, int keepRuns, Clock clock) {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keepRuns must be at least 1, got " + keepRuns);
        }
        this.runsDirectory = runsDirectory.toAbsolutePath().normalize();
        this.keepRuns = keepRuns;
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

    /**
     * {@code run} is over (its thread let go of it): it joins the kept finished runs, and the oldest of those beyond
     * {@code keepRuns} are forgotten, their folders deleted.
     */
    void ended(WebRun run) {
        List<WebRun> forgotten = new ArrayList<>();
        synchronized (finished) {
            finished.addLast(run);
            while (finished.size() > keepRuns) {
                WebRun oldest = finished.removeFirst();
                runs.remove(oldest.id());
                forgotten.add(oldest);
            }
        }
        for (WebRun old : forgotten) {
            if (!Folders.delete(old.folder().root())) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete every file of the old run folder "
                        + old.folder().root());
            }
        }
    }

    /** The run with that id; a 404 naming the id when there is none. */
    public WebRun find(String id) {
        WebRun run = id == null || !ID.matcher(id).matches() ? null : runs.get(id);
        if (run == null) {
            String shown = id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id;
            throw WebException.notFound("No run with id '" + shown + "' on this server; POST /api/run starts one "
                    + "(a server keeps its last " + keepRuns + " finished runs, and forgets them all when it stops).");
        }
        return run;
    }

    public List<WebRun> all() {
        return new ArrayList<>(runs.values());
    }
}
