package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * Feature ictal-detector in the booted assembly: the detector service for task seizure-detection, its
 * shipped model active in the registry, and ictal:simulate writing a recording the detector reads.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeizureDetectorFeatureTest extends IctalKarafTestSupport {

    @Inject
    private ModelRegistry registry;

    @Inject
    private RecordingReader reader;

    @Configuration
    public Option[] configuration() {
        return IctalKaraf.options();
    }

    @Test
    public void theDetectorServesItsTaskWithTheShippedModel() throws Exception {
        Collection<ServiceReference<RecordingClassifier>> refs = context.getServiceReferences(RecordingClassifier.class,
                "(" + RecordingClassifier.TASK + "=" + ModelCard.TASK_SEIZURE_DETECTION + ")");
        assertEquals("one seizure-detection classifier", 1, refs.size());
        ModelCard card = registry.active(ModelCard.TASK_SEIZURE_DETECTION).orElse(null);
        assertNotNull("a seizure-detection model is active: " + registry.models(), card);
        assertEquals("ictal-seizure-cnn", card.id());
    }

    @Test
    public void simulateWritesARecordingTheDetectorClassifies() throws Exception {
        Path dir = Files.createTempDirectory("ictal-simulate");
        File out = dir.resolve("demo.edf").toFile();
        String printed = IctalKaraf.execute(sessionFactory, "ictal:simulate --hours 0.05 --seed 3 " + out);
        assertTrue(printed, printed.contains("seed 3"));
        assertTrue(out + " written", out.length() > 0);
        ServiceReference<RecordingClassifier> ref = context.getServiceReferences(RecordingClassifier.class,
                "(" + RecordingClassifier.TASK + "=" + ModelCard.TASK_SEIZURE_DETECTION + ")").iterator().next();
        RecordingClassifier detector = context.getService(ref);
        try (Recording r = reader.open(out.toPath())) {
            Classification c = detector.classify(r, ClassificationListener.ignoring());
            assertTrue(c.complete());
            assertEquals("ictal-seizure-cnn", c.model().id());
        } finally {
            context.ungetService(ref);
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(dir);
        }
    }
}
