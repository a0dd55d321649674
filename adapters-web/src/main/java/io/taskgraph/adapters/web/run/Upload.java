package io.taskgraph.adapters.web.run;

import java.io.IOException;
import java.io.InputStream;

/** A file sent with a run, already checked by the HTTP layer: a plain file name, a size, its bytes. */
public record Upload(String name, long size, Content content) {
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
