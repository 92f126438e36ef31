package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.ModelState;
import io.ictal.api.model.ModelStatus;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.After;
import org.osgi.framework.Bundle;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The admins' promise: a model bundle dropped into deploy/ serves within 2 s, a higher version
 * takes over, removing it rolls back, corrupt bundles are rejected while the previous model keeps
 * serving, and swaps under continuous inference fail nothing. The shipped detector model is stopped
 * meanwhile, so that the demo bundles are the only candidates for the task. Fixtures: the demo bundles of
 * bundles/io.ictal.inference (training/modelbundle/make_test_models.py).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelHotSwapTest extends IctalKarafTestSupport {

    private static final String TASK = ModelCard.TASK_SEIZURE_DETECTION;
    private static final String V1 = "io.ictal.model.demo-1.0.0.jar";
    private static final String V11 = "io.ictal.model.demo-1.1.0.jar";
    private static final List<String> CORRUPT = List.of("bad-hash.jar", "wrong-shape.jar", "garbage-onnx.jar",
            "missing-card.jar", "bad-golden.jar");

    @Inject
    private ModelRegistry registry;

    @Configuration
    public Option[] configuration() {
        File fixtures = new File("../bundles/io.ictal.inference/src/test/resources/modelbundles").getAbsoluteFile();
        return IctalKaraf.options(
                systemProperty("ictal.modelbundles").value(fixtures.getPath()));
    }

    private static Path deploy() {
        return Path.of(System.getProperty("karaf.base"), "deploy");
    }

    /** Moves the jar into deploy/ in one step, so fileinstall never sees half a file. */
    private static void drop(String jar) throws IOException {
        Path staged = Files.createTempFile(Path.of(System.getProperty("karaf.data")), "model", ".staged");
        Files.copy(Path.of(System.getProperty("ictal.modelbundles"), jar), staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deploy().resolve(jar), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void remove(String jar) throws IOException {
        Files.deleteIfExists(deploy().resolve(jar));
    }

    private String activeVersion() {
        return registry.active(TASK).map(ModelCard::version).orElse("none");
    }

    /** Milliseconds until {@code condition} holds; fails after 10 s. */
    private static long await(String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long awaitActive(String version) throws InterruptedException {
        return await(version + " active, is " + activeVersion(), () -> version.equals(activeVersion()));
    }

    private long demoModels() {
        return registry.models().stream().filter(s -> s.bundle().startsWith("io.ictal.model.demo")).count();
    }

    private Bundle shippedModel() {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("io.ictal.model.seizure.cnn")) {
                return b;
            }
        }
        throw new AssertionError("the shipped detector model bundle is not installed");
    }

    /** The shipped detector model steps aside, so that only the demo bundles compete for the task. */
    @Before
    public void setShippedModelAside() throws Exception {
        shippedModel().stop();
        await("no seizure-detection model active", () -> activeVersion().equals("none"));
    }

    @After
    public void restoreShippedModel() throws Exception {
        shippedModel().start();
        await("the shipped model active again", () -> !activeVersion().equals("none"));
    }

    @Before
    @After
    public void removeDemoBundles() throws Exception {
        for (String jar : List.of(V1, V11)) {
            remove(jar);
        }
        for (String jar : CORRUPT) {
            remove(jar);
        }
        await("demo bundles uninstalled", () -> demoModels() == 0);
    }

    /** Runs the leased model on its own golden input and checks the golden output. */
    private static void inferGolden(ModelLease lease) {
        ModelCard card = lease.model().card();
        FloatTensor out = lease.model().run(card.golden().inputs().get("image"));
        double difference = out.maxAbsDifference(card.golden().outputs().get("probabilities"));
        if (!(difference <= card.golden().tolerance())) {
            throw new AssertionError(card.version() + " answered off its golden output by " + difference);
        }
    }

    @Test
    public void dropUpgradeRejectCorruptAndRollBack() throws Exception {
        drop(V1);
        long took = awaitActive("1.0.0");
        assertTrue("1.0.0 serving within 2 s of its drop into deploy/, took " + took + " ms", took < 2000);

        drop(V11);
        took = awaitActive("1.1.0");
        assertTrue("1.1.0 takes over within 2 s, took " + took + " ms", took < 2000);

        for (String jar : CORRUPT) {
            drop(jar);
        }
        await("5 corrupt bundles rejected", () -> registry.models().stream()
                .filter(s -> s.state() == ModelState.REJECTED).count() == CORRUPT.size());
        assertEquals("the corrupt 1.2.0 bundles do not take over", "1.1.0", activeVersion());
        try (ModelLease lease = registry.lease(TASK)) {
            inferGolden(lease);
        }
        JsonObject listing = JsonParser.parseString(IctalKaraf.execute(sessionFactory, "ictal:models --json"))
                .getAsJsonObject();
        int rejected = 0;
        for (JsonElement e : listing.getAsJsonArray("models")) {
            JsonObject m = e.getAsJsonObject();
            if ("REJECTED".equals(m.get("state").getAsString())) {
                rejected++;
                assertTrue("a rejection says why: " + m, m.get("reason").getAsString().length() > 10);
            }
        }
        assertEquals(CORRUPT.size(), rejected);

        remove(V11);
        took = awaitActive("1.0.0");
        assertTrue("removing 1.1.0 rolls back to 1.0.0 within 2 s, took " + took + " ms", took < 2000);
        for (ModelStatus s : registry.models()) {
            assertNotNull(s.bundle());
        }
    }

    @Test
    public void twentySwapsUnderContinuousInferenceFailNothing() throws Exception {
        drop(V1);
        awaitActive("1.0.0");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger inferences = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread worker = new Thread(() -> {
            while (running.get()) {
                try (ModelLease lease = registry.lease(TASK)) {
                    inferGolden(lease);
                    inferences.incrementAndGet();
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }
        }, "continuous-inference");
        worker.start();
        try {
            for (int swap = 0; swap < 20; swap++) {
                drop(V11);
                awaitActive("1.1.0");
                remove(V11);
                awaitActive("1.0.0");
            }
        } finally {
            running.set(false);
            worker.join(10_000);
        }
        synchronized (failures) {
            assertEquals("failed inferences during 20 swaps (of " + inferences + ")", List.of(), failures);
        }
        assertTrue("inference ran throughout: " + inferences, inferences.get() > 100);
    }
}
