package io.ictal.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

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
 * Feature ictal-ecg, installed as an admin would (it ships in the distribution but is not booted): the classifier for task ecg-arrhythmia, its beat and
 * rhythm models active in the registry, and a simulated recording's EKG channel classified.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EcgFeatureTest extends IctalKarafTestSupport {

    @Inject
    private ModelRegistry registry;

    @Inject
    private RecordingReader reader;

    @Configuration
    public Option[] configuration() {
        return IctalKaraf.options(features(maven().groupId("io.ictal").artifactId("ictal-features")
                .version(System.getProperty("ictal.version")).classifier("features").type("xml"), "ictal-ecg"));
    }

    private RecordingClassifier classifier(ServiceReference<RecordingClassifier> ref) {
        return context.getService(ref);
    }

    private ServiceReference<RecordingClassifier> reference() throws Exception {
        Collection<ServiceReference<RecordingClassifier>> refs = context.getServiceReferences(RecordingClassifier.class,
                "(" + RecordingClassifier.TASK + "=" + ModelCard.TASK_ECG_ARRHYTHMIA + ")");
        assertEquals("one ecg-arrhythmia classifier", 1, refs.size());
        return refs.iterator().next();
    }

    @Test
    public void theClassifierServesItsTaskWithBothShippedModels() throws Exception {
        assertNotNull(reference());
        ModelCard beat = registry.active(ModelCard.TASK_ECG_ARRHYTHMIA).orElse(null);
        assertNotNull("a beat model is active: " + registry.models(), beat);
        assertEquals("ictal-ecg-beat", beat.id());
        ModelCard rhythm = registry.active("ecg-rhythm").orElse(null);
        assertNotNull("a rhythm model is active: " + registry.models(), rhythm);
        assertEquals("ictal-ecg-rhythm", rhythm.id());
    }

    @Test
    public void classifiesTheEkgChannelOfASimulatedRecording() throws Exception {
        Path dir = Files.createTempDirectory("ictal-ecg");
        File out = dir.resolve("demo.edf").toFile();
        String printed = IctalKaraf.execute(sessionFactory, "ictal:simulate --hours 0.1 --seed 5 " + out);
        assertTrue(out + " written: " + printed, out.length() > 0);
        ServiceReference<RecordingClassifier> ref = reference();
        RecordingClassifier ecg = classifier(ref);
        try (Recording r = reader.open(out.toPath())) {
            assertTrue("the simulator writes an EKG channel: " + r.header().dataSignals(), ecg.appliesTo(r.header()));
            Classification c = ecg.classify(r, ClassificationListener.ignoring());
            assertTrue(c.complete());
            assertEquals("ictal-ecg-beat", c.model().id());
        } finally {
            context.ungetService(ref);
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(dir);
        }
    }
}
