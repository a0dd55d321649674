package io.taskgraph.adapters.cli.progress;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the process is talking to. {@code interactive}: a person at a terminal (stdin and stdout are both a
 * terminal), who can be asked questions and shown progress redrawn in place. {@code color}: ANSI styling is
 * welcome. {@code unicode}: the terminal's encoding can show symbols such as ✓.
 */
public record Terminal(boolean interactive, boolean color, boolean unicode, Optional<Console> console) {
    public static final int DEFAULT_WIDTH = 100;

    /** A non-interactive terminal: plain lines, no questions (pipes, files, CI logs, tests). */
    public static Terminal plain() {
        return new Terminal(false, false, false, Optional.empty());
    }

    /** Detects the real terminal (cheaply: commands that never draw progress pay nothing more). */
    public static Terminal detect(Map<String, String> environment) {
        Console console = System.console();
        boolean interactive = console != null && !"dumb".equals(environment.get("TERM"));
        boolean color = interactive && !environment.containsKey("NO_COLOR");
        String encoding = System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name());
        boolean unicode = encoding.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
        return new Terminal(interactive, color, unicode, Optional.ofNullable(console));
    }

    /** Asks a yes/no question; anything but y/yes (including end of input) is no. */
    public boolean confirm(String question) {
        if (console.isEmpty()) {
            return false;
        }
        String answer = console.get().readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** Columns of the terminal: {@code $COLUMNS}, else measured with one {@code stty} call, else 100. */
    public int width(Map<String, String> environment) {
        if (!interactive) {
            return DEFAULT_WIDTH;
        }
        try {
            return Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
        } catch (NumberFormatException e) {
            return measuredWidth().orElse(DEFAULT_WIDTH);
        }
    }

    /** {@code stty size} on the controlling terminal prints "rows columns". */
    private static Optional<Integer> measuredWidth() {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectErrorStream(true).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return Optional.empty();
            }
            String[] parts = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
            int columns = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            return columns >= 20 ? Optional.of(columns) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
