package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running bridge: a python3 child speaking JSON lines. Requests go to its stdin, replies come from
 * its stdout (which the bridge keeps for the protocol alone); its stderr, where a spec's prints land,
 * is passed line by line to {@code stderrSink}, and the last lines are kept for error messages.
 */
final class BridgeProcess implements AutoCloseable {
    private static final int KEPT_STDERR_LINES = 15;

    private final PythonCommand python;
    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader replies;
    private final Deque<String> recentStderr = new ArrayDeque<>();
    private final Thread stderrPump;
    private boolean closed;
    private boolean released;
    private volatile boolean stopped;

    private BridgeProcess(PythonCommand python, Process process, Consumer<String> stderrSink) {
        this.python = python;
        this.process = process;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8),
                1 << 16);
        this.stderrPump = new Thread(() -> pump(stderrSink), "python-bridge-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
    }

    /**
     * What Python runs: reads the path of {@code bridge.py} from the first line of stdin, then runs that file as
     * {@code python bridge.py} would. Python starts its interpreter and site packages (~15-20 ms) while the JVM
     * unpacks and checks the bridge files ({@link BridgeFiles}), instead of after. Plain enough for any Python, so
     * that one too old for the bridge still gets as far as saying its version.
     */
    private static final String LOADER = String.join("\n",
            "# taskgraph: runs bridge.py, whose path arrives on the first line of stdin",
            "import os, sys",
            "path = b''",
            "while not path.endswith(b'\\n'):",
            "    byte = os.read(0, 1)",
            "    if not byte:",
            "        sys.exit(0)",
            "    path += byte",
            "path = path[:-1].decode('utf-8')",
            "sys.argv = [path]",
            "main = sys.modules['__main__'].__dict__",
            "main['__file__'] = path",
            "exec(compile(open(path, 'rb').read(), path, 'exec'), main)",
            "");

    /**
     * Starts Python; {@link #handshake()} then hands it the bridge and awaits its greeting. Between the two, the
     * caller registers the process so that it can be stopped, and may start work to overlap with Python's start.
     */
    static BridgeProcess launch(PythonCommand python, Path workingDirectory, Map<String, String> environment,
                                Consumer<String> stderrSink) {
        ProcessBuilder builder = new ProcessBuilder(python.executable(), "-c", LOADER)
                .directory(workingDirectory.toFile());
        // Exactly the environment the composition root chose, not the JVM's own.
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().remove("PYTHONSTARTUP");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UsageException("Could not start Python " + python.describe() + ": " + e.getMessage()
                    + ". " + PythonSelector.HOW_TO_CHOOSE, e);
        }
        return new BridgeProcess(python, process, stderrSink);
    }

    /**
     * Unpacks the bridge files (while Python starts), tells Python where they are and waits for its greeting;
     * closes the process if that fails.
     */
    void handshake() {
        String script;
        try {
            script = BridgeFiles.script().toString();
        } catch (RuntimeException e) {
            stop(); // Python waits for the path: nothing to tell it
            close();
            throw e;
        }
        try {
            Map<String, Object> hello;
            try {
                writeLine(script, "starting");
                hello = receive("starting");
            } catch (InvalidSpecException e) {
                if (stopped) {
                    throw e; // stopped while Python was starting: the run was cancelled, Python is fine
                }
                throw new UsageException(e.getMessage() + " Is it a Python 3.9+ interpreter? "
                        + PythonSelector.HOW_TO_CHOOSE, e);
            }
            python.requireSupported(String.valueOf(hello.get("version")));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Sends one request; the caller then reads replies with {@link #receive(String)}. */
    void send(Map<String, Object> request) {
        writeLine(Json.write(request), "sending a request");
    }

    private void writeLine(String line, String doing) {
        try {
            requests.write(line);
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw died(doing, e);
        }
    }

    /** The next message from the bridge; {@code doing} says what we were doing, for the error if it died. */
    Map<String, Object> receive(String doing) {
        String line;
        try {
            line = replies.readLine();
        } catch (IOException e) {
            throw died(doing, e);
        }
        if (line == null) {
            throw died(doing, null);
        }
        try {
            return Json.parseObject(line);
        } catch (JsonException e) {
            throw new IllegalStateException("The Python bridge sent a line that is not JSON while " + doing
                    + ": " + abbreviate(line), e);
        }
    }

    Map<String, Object> request(Map<String, Object> request, String doing) {
        send(request);
        return receive(doing);
    }

    private RuntimeException died(String doing, Exception cause) {
        if (stopped) {
            return new InvalidSpecException("Stopped the spec's Python process while " + doing
                    + ": the run was cancelled.", cause);
        }
        int code = -1;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
            stderrPump.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String stderr;
        synchronized (recentStderr) {
            stderr = String.join("\n    ", recentStderr);
        }
        return new InvalidSpecException("Python " + python.describe() + " exited"
                + (code >= 0 ? " with code " + code : "") + " while " + doing + "."
                + (stderr.isEmpty() ? "" : " Its last output:\n    " + stderr), cause);
    }

    private void pump(Consumer<String> sink) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (recentStderr) {
                    recentStderr.addLast(line);
                    if (recentStderr.size() > KEPT_STDERR_LINES) {
                        recentStderr.removeFirst();
                    }
                }
                sink.accept(line);
            }
        } catch (IOException ignored) {
            // the process is gone; nothing more to pass on
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    List<String> recentStderr() {
        synchronized (recentStderr) {
            return List.copyOf(recentStderr);
        }
    }

    /**
     * Ends the process (and any process it started) at once, whatever it is doing: the call waiting on it fails
     * saying it was stopped. Not synchronized: it must work while a request is waiting for its reply.
     */
    void stop() {
        stopped = true;
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Asks the bridge to exit, without waiting for it (close waits); nothing can be requested afterwards. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (process.isAlive()) {
                requests.write("{\"op\":\"exit\"}\n");
                requests.flush();
            }
            requests.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            stderrPump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
