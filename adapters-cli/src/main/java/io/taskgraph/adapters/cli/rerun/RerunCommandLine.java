package io.taskgraph.adapters.cli.rerun;

import io.taskgraph.adapters.cli.progress.ShellWord;
import java.util.List;
import java.util.Optional;

/**
 * The {@code taskgraph rerun} command a user types to run some tasks again, built from the rerun they ran or planned:
 * the same source, output, spec and data flags, as they typed them, plus {@code --select} or {@code --mode changed}.
 * After a rerun wrote its output, running it again needs {@code -f}.
 */
public record RerunCommandLine(String source, String output, Optional<String> spec, Optional<Boolean> reingest) {
    public String selecting(List<String> tasks, boolean replaceOutput) {
        return base(replaceOutput) + " --select " + String.join(",", tasks);
    }

    public String changedMode(boolean replaceOutput) {
        return base(replaceOutput) + " --mode changed";
    }

    private String base(boolean replaceOutput) {
        StringBuilder line = new StringBuilder("taskgraph rerun ").append(ShellWord.quote(source))
                .append(" -o ").append(ShellWord.quote(output));
        spec.ifPresent(module -> line.append(" --spec ").append(ShellWord.quote(module)));
        reingest.ifPresent(fresh -> line.append(fresh ? " --reingest" : " --no-reingest"));
        if (replaceOutput) {
            line.append(" -f");
        }
        return line.toString();
    }
}
