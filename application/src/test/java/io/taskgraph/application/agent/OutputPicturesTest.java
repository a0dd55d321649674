package io.taskgraph.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OutputPicturesTest {
    private final InputPreviews previews = new InputPreviews();
    private final AtomicInteger rendersAfter = new AtomicInteger();

    /** What a reader's briefing gets for {@code input}: the shared picture, or "rendered by the reader". */
    private String readerSees(String input) {
        return previews.of(input, () -> {
            rendersAfter.incrementAndGet();
            return "rendered by the reader";
        });
    }

    @Test
    void picturesTakenWhileWaitingReachTheReadersOnceTheTaskPassed() {
        OutputPictures pictures = new OutputPictures(List.of("a_out", "a_more"), output -> Optional.of("picture of " + output));
        pictures.take();
        pictures.sharePassed(previews);
        assertEquals("picture of a_out", readerSees("a_out"));
        assertEquals("picture of a_more", readerSees("a_more"));
        assertEquals(0, rendersAfter.get());
    }

    @Test
    void nothingIsSharedBeforeTheTaskPassed() {
        OutputPictures pictures = new OutputPictures(List.of("a_out"), output -> Optional.of("picture of " + output));
        pictures.take();
        assertEquals("rendered by the reader", readerSees("a_out"));
    }

    @Test
    void aStatementAfterThePictureMayHaveReplacedTheOutputSoThePictureIsDropped() {
        OutputPictures pictures = new OutputPictures(List.of("a_out"), output -> Optional.of("old picture"));
        pictures.take();
        pictures.statementRun();
        pictures.sharePassed(previews);
        assertEquals("rendered by the reader", readerSees("a_out"));
    }

    @Test
    void aStatementRunWhileThePicturesAreTakenDropsThem() {
        OutputPictures[] self = new OutputPictures[1];
        self[0] = new OutputPictures(List.of("a_out", "a_more"), output -> {
            if (output.equals("a_more")) {
                self[0].statementRun(); // the model answered and the task ran a statement meanwhile
            }
            return Optional.of("picture of " + output);
        });
        self[0].take();
        self[0].sharePassed(previews);
        assertEquals("rendered by the reader", readerSees("a_out"));
        assertEquals("rendered by the reader", readerSees("a_more"));
    }

    @Test
    void aPictureTakenAfterTheLastStatementCounts() {
        AtomicInteger version = new AtomicInteger();
        OutputPictures pictures = new OutputPictures(List.of("a_out"), output -> Optional.of("version " + version.get()));
        pictures.take();
        pictures.statementRun();
        version.incrementAndGet();
        pictures.take();
        pictures.sharePassed(previews);
        assertEquals("version 1", readerSees("a_out"));
    }

    @Test
    void aPictureWhoseQueriesFailedOrThrewIsNotShared() {
        OutputPictures pictures = new OutputPictures(List.of("a_out", "a_more"), output -> {
            if (output.equals("a_out")) {
                return Optional.empty();
            }
            throw new IllegalStateException("the session is closed");
        });
        pictures.take();
        pictures.sharePassed(previews);
        assertEquals("rendered by the reader", readerSees("a_out"));
        assertEquals("rendered by the reader", readerSees("a_more"));
    }

    @Test
    void aPictureTakenAfterTheTaskPassedIsNotKept() {
        OutputPictures pictures = new OutputPictures(List.of("a_out"), output -> Optional.of("late picture"));
        pictures.sharePassed(previews);
        pictures.take();
        assertEquals("rendered by the reader", readerSees("a_out"));
    }

    @Test
    void aReaderThatPicturedTheInputFirstKeepsItsPicture() {
        assertEquals("rendered by the reader", readerSees("a_out"));
        OutputPictures pictures = new OutputPictures(List.of("a_out"), output -> Optional.of("picture of " + output));
        pictures.take();
        pictures.sharePassed(previews);
        assertEquals("rendered by the reader", readerSees("a_out"));
    }
}
