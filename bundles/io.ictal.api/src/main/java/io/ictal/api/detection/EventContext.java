package io.ictal.api.detection;

import io.ictal.api.recording.Recording;
import java.util.List;
import java.util.Objects;

/**
 * One event for an {@link EventClassifier}, with everything it may look at.
 *
 * @param recording the open recording the event was found on (shared: do not close it)
 * @param event the event, as its classifier reported it at the end of its run
 * @param videos videos synchronised with the recording, possibly none
 */
public record EventContext(Recording recording, Detection event, List<RecordingVideo> videos) {

    public EventContext {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(event, "event");
        videos = List.copyOf(Objects.requireNonNull(videos, "videos"));
    }
}
