package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge is unpacked once per content hash, a copy is reused only while its stamp says nothing changed it,
 * and a copy that does not match is never run.
 */
class BridgeFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondUnpackReusesTheFirstCopy() {
        Path first = BridgeFiles.extract(tmp);
        assertTrue(UnpackedCopyStamp.intact(first, BridgeFiles.FILES), "a fresh copy is stamped");
        assertEquals(first, BridgeFiles.extract(tmp));
    }

    @Test
    void theCopyIsNamedByTheBuildsChecksumOfTheBridge() throws Exception {
        String checksum = BridgeChecksum.SHA256;
        assertTrue(checksum.matches("[0-9a-f]{64}"), checksum);
        assertTrue(BridgeFiles.extract(tmp).getFileName().toString().endsWith("-" + checksum));
    }

    @Test
    void aTamperedCopyIsReplacedByAPrivateOne() throws Exception {
        Path first = BridgeFiles.extract(tmp);
        String original = Files.readString(first.resolve("bridge.py"));
        Files.writeString(first.resolve("bridge.py"), "print('not the bridge')\n");
        assertFalse(UnpackedCopyStamp.intact(first, BridgeFiles.FILES));
        Path second = BridgeFiles.extract(tmp);
        assertNotEquals(first, second);
        assertEquals(original, Files.readString(second.resolve("bridge.py")));
    }

    @Test
    void aCopyMissingAFileIsNeverRun() throws Exception {
        Path first = BridgeFiles.extract(tmp);
        Files.delete(first.resolve("_taskgraph_bridge/parquet.py"));
        Path second = BridgeFiles.extract(tmp);
        assertNotEquals(first, second);
        assertTrue(Files.isRegularFile(second.resolve("_taskgraph_bridge/parquet.py")));
    }

    @Test
    void aRightCopyWithoutAStampIsCheckedByteForByteThenStamped() throws Exception {
        Path first = BridgeFiles.extract(tmp);
        Files.delete(first.resolve(UnpackedCopyStamp.NAME));
        assertFalse(UnpackedCopyStamp.intact(first, BridgeFiles.FILES));
        assertEquals(first, BridgeFiles.extract(tmp));
        assertTrue(UnpackedCopyStamp.intact(first, BridgeFiles.FILES));
    }

    @Test
    void aStampCopiedFromAnotherCopyDoesNotVouchForThisOne() throws Exception {
        Path first = BridgeFiles.extract(tmp);
        Path other = tmp.resolve("other");
        Files.createDirectory(other);
        Path second = BridgeFiles.extract(other);
        Files.copy(second.resolve(UnpackedCopyStamp.NAME), first.resolve(UnpackedCopyStamp.NAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFalse(UnpackedCopyStamp.intact(first, BridgeFiles.FILES), "inodes differ between copies");
    }
}
