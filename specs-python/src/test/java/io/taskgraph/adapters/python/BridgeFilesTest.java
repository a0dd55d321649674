package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge is unpacked once per content hash, and a copy that does not match is never run. */
class BridgeFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondUnpackReusesTheFirstCopy() {
        Path first = BridgeFiles.extract(tmp);
        assertEquals(first, BridgeFiles.extract(tmp));
    }

    @Test
    void aTamperedCopyIsReplacedByAPrivateOne() throws Exception {
        Path first = BridgeFiles.extract(tmp);
        String original = Files.readString(first.resolve("bridge.py"));
        Files.writeString(first.resolve("bridge.py"), "print('not the bridge')\n");
        Path second = BridgeFiles.extract(tmp);
        assertNotEquals(first, second);
        assertEquals(original, Files.readString(second.resolve("bridge.py")));
    }
}
