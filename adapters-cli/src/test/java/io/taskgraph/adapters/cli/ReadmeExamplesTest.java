package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.progress.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code taskgraph ...} line in the README's code blocks parses: the commands and flags it documents
 * exist, with the arguments they need. (The end-to-end tests run the same commands for real.)
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        List<String> lines = examples();
        Set<String> commands = new TreeSet<>();
        for (String line : lines) {
            String[] args = words(line.substring("taskgraph".length()));
            CommandLine cli = TaskgraphCommand.commandLine(cli(), args);
            try {
                CommandLine.ParseResult parsed = cli.parseArgs(args);
                if (parsed.hasSubcommand()) {
                    commands.add(parsed.subcommand().commandSpec().name());
                }
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("README example does not parse: " + line + "\n" + e.getMessage(), e);
            }
        }
        assertEquals(new TreeSet<>(TaskgraphCommand.commandLine(cli()).getSubcommands().keySet()), commands,
                "every command has an example");
        assertTrue(lines.size() >= 20, lines.toString());
        assertTrue(lines.contains("taskgraph completion bash"), "a line inside <( ... ) counts: " + lines);
        assertTrue(lines.contains("taskgraph run --spec specs.diamond -o diamond.db"), "so does one after cd ... &&");
    }

    private static Cli cli() {
        return new Cli(Path.of("."), Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Terminal.plain(),
                new InProcessCli(), Clock.systemUTC());
    }

    /** Where a code line runs taskgraph: at its start, after {@code &&} or {@code ;}, inside {@code $( )} or {@code <( )}. */
    private static final Pattern INVOCATION = Pattern.compile("(?:^|[\\s(;&])(?:\\.{1,2}/)?(taskgraph(?:\\s[^|>&;)#]*)?)");

    /** Each taskgraph command line of the fenced code blocks, without comments, pipes and redirections. */
    private static List<String> examples() throws IOException {
        List<String> examples = new ArrayList<>();
        boolean inCode = false;
        for (String raw : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (raw.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            String line = raw.replaceFirst("\\s+#.*$", "");
            Matcher invocation = INVOCATION.matcher(line);
            while (inCode && invocation.find()) {
                String command = invocation.group(1).strip();
                if (!command.equals("taskgraph") || line.strip().startsWith("taskgraph")) {
                    examples.add(command);
                }
            }
        }
        return examples;
    }

    /**
     * The arguments a shell would pass: words split at spaces, quotes ('...' and "...") kept together and removed, up
     * to the first unquoted pipe, redirection or {@code &}.
     */
    static String[] words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '|' || c == '>' || c == '<' || c == '&' || c == ';') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder().append(c) : word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    @Test
    void wordsAreSplitLikeAShellWould() {
        assertEquals(List.of("query", "out.db", "SELECT * FROM t WHERE a > 1 | 2", "--format", "csv"),
                List.of(words("query out.db \"SELECT * FROM t WHERE a > 1 | 2\" --format csv > t.csv")));
        assertEquals(List.of("query", "out.db", "it's"), List.of(words("query out.db \"it's\" | head")));
    }
}
