package io.taskgraph.application.init;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code init} did in {@code directory}: the files it wrote, those it found already in place and
 * left alone, the module {@code taskgraph run} will load there, and remarks worth telling the user.
 */
public record InitResult(Path directory, List<Path> written, List<Path> kept, String specModule, List<String> notes) {
    public InitResult {
        written = List.copyOf(written);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }
}
