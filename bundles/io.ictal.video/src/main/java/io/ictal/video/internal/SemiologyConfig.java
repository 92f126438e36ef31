package io.ictal.video.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How much video around each event is looked at, and how much is classified at once. */
@ObjectClassDefinition(name = "Ictal video semiology",
        description = "Which part of the video each detected seizure is classified on.")
public @interface SemiologyConfig {

    @AttributeDefinition(description = "Seconds of video before the event's onset that are classified too "
            + "(EEG onset often lags or leads the first movement).")
    double marginBeforeSeconds() default 5;

    @AttributeDefinition(description = "Seconds of video after the event's end that are classified too "
            + "(clonic jerks often outlast the EEG event as detected).")
    double marginAfterSeconds() default 10;

    @AttributeDefinition(description = "Snippets per STCNN inference batch (frames held = this x frames per snippet).")
    int batchSnippets() default 16;
}
