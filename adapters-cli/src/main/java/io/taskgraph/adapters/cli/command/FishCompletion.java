package io.taskgraph.adapters.cli.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script written from picocli's model of the commands: the subcommands with their descriptions
 * where no subcommand is typed yet, then each subcommand's options (with the values they accept, when the option
 * lists them) and file names for the commands that take files. Fish only: picocli writes bash's.
 */
final class FishCompletion {
    private static final Set<String> FILE_LABELS = Set.of("FILE", "DB", "NEW", "DIR", "PATH");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");

    private FishCompletion() {
    }

    static String script(CommandLine root) {
        String name = root.getCommandName();
        Map<String, CommandLine> subcommands = root.getSubcommands();
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", written by '").append(name)
                .append(" completion fish'.\n");
        out.append("# Load it with: ").append(name).append(" completion fish | source\n");
        out.append("complete -c ").append(name).append(" -e\n");
        out.append("complete -c ").append(name).append(" -f\n");
        String none = "__fish_use_subcommand";
        for (OptionSpec option : root.getCommandSpec().options()) {
            out.append(option(name, none, option));
        }
        subcommands.forEach((command, line) -> out.append("complete -c ").append(name).append(" -n ")
                .append(quote(none)).append(" -a ").append(command).append(" -d ")
                .append(quote(summary(line.getCommandSpec()))).append('\n'));
        subcommands.forEach((command, line) -> {
            String seen = "__fish_seen_subcommand_from " + command;
            CommandSpec spec = line.getCommandSpec();
            if (!spec.positionalParameters().isEmpty()) {
                List<String> values = candidates(spec.positionalParameters().get(0).completionCandidates());
                out.append("complete -c ").append(name).append(" -n ").append(quote(seen))
                        .append(values.isEmpty() ? " -F" : " -a " + quote(String.join(" ", values))).append('\n');
            }
            for (OptionSpec option : spec.options()) {
                out.append(option(name, seen, option));
            }
        });
        return out.toString();
    }

    private static String option(String command, String condition, OptionSpec option) {
        if (option.hidden()) {
            return "";
        }
        StringBuilder line = new StringBuilder("complete -c ").append(command).append(" -n ").append(quote(condition));
        for (String name : option.names()) {
            line.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
        }
        if (option.arity().min() > 0) {
            List<String> values = candidates(option.completionCandidates());
            line.append(!values.isEmpty() ? " -xa " + quote(String.join(" ", values)) : takesFile(option) ? " -rF" : " -x");
        }
        String description = option.description().length == 0 ? "" : option.description()[0];
        return line.append(" -d ").append(quote(firstSentence(description))).append('\n').toString();
    }

    /** Options whose value is a path: by type, or by the label their help shows ({@code FILE}, {@code DB}, ...). */
    private static boolean takesFile(OptionSpec option) {
        Class<?> type = option.type();
        return type == Path.class || type == File.class
                || FILE_LABELS.contains(option.paramLabel());
    }

    private static List<String> candidates(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            values.forEach(list::add);
        }
        return list;
    }

    private static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return firstSentence(description.length == 0 ? "" : description[0]);
    }

    /** Fish shows one line per candidate: the description's first sentence ("e.g." does not end one). */
    private static String firstSentence(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = (end.find() ? text.substring(0, end.start() + 1) : text).strip();
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }


    /** A fish single-quoted string: only backslash and the quote itself are special inside. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
