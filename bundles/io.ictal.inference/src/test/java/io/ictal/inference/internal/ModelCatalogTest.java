package io.ictal.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelState;
import io.ictal.api.model.ModelStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    /** The services the catalog has registered, as the framework would hold them. */
    private final Map<Model, Map<String, Object>> services = new ConcurrentHashMap<>();
    private ModelCatalog catalog = catalog(Map.of());

    private ModelCatalog catalog(Map<String, String> pins) {
        return new ModelCatalog(new ModelValidator(Fixtures.RUNTIME), (model, properties) -> {
            services.put(model, properties);
            return () -> services.remove(model);
        }, pins);
    }

    @AfterEach
    void closeAll() {
        catalog.clear();
        assertTrue(services.isEmpty(), "every service is unregistered: " + services.values());
    }

    private String activeVersion() {
        return catalog.active(Fixtures.TASK).map(ModelCard::version).orElse("none");
    }

    @Test
    void highestVersionServesAndRemovingItRollsBack() {
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        assertEquals("1.0.0", activeVersion());
        catalog.add("v11", Fixtures.jar(Fixtures.V11));
        assertEquals("1.1.0", activeVersion());
        assertEquals(List.of(ModelState.STANDBY, ModelState.ACTIVE), catalog.models().stream().map(ModelStatus::state).toList());
        catalog.remove("v11");
        assertEquals("1.0.0", activeVersion());
        catalog.remove("v1");
        assertEquals("none", activeVersion());
        ModelException e = assertThrows(ModelException.class, () -> catalog.lease(Fixtures.TASK));
        assertTrue(e.getMessage().contains("no valid model serves task 'seizure-detection'"), e.getMessage());
    }

    @Test
    void oneServicePerValidModelWithItsProperties() {
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        catalog.add("bad", Fixtures.jar("bad-hash.jar"));
        assertEquals(1, services.size());
        Map<String, Object> p = services.values().iterator().next();
        ModelCard card = Fixtures.card(Fixtures.V1);
        assertEquals(Map.of(Model.TASK, "seizure-detection", Model.ID, "ictal-demo", Model.VERSION, "1.0.0",
                Model.SHA256, card.graphSha256(), Model.EXECUTION_PROVIDER, "CPU"), p);
        catalog.remove("v1");
        assertTrue(services.isEmpty());
    }

    @Test
    void corruptBundlesAreRejectedWhileThePreviousModelKeepsServing() {
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        for (String jar : List.of("bad-hash.jar", "wrong-shape.jar", "garbage-onnx.jar", "missing-card.jar",
                "bad-golden.jar")) {
            catalog.add(jar, Fixtures.jar(jar));
            assertEquals("1.0.0", activeVersion(), jar + " must not take over");
            try (ModelLease lease = catalog.lease(Fixtures.TASK)) {
                ModelCard card = lease.model().card();
                FloatTensor out = lease.model().run(Fixtures.goldenInput(card));
                assertTrue(out.maxAbsDifference(Fixtures.goldenOutput(card)) <= 1e-4, jar + ": v1 still answers");
            }
        }
        List<ModelStatus> rejected = catalog.models().stream().filter(s -> s.state() == ModelState.REJECTED).toList();
        assertEquals(5, rejected.size());
        for (ModelStatus s : rejected) {
            assertFalse(s.reason().isBlank());
            // A rejected bundle whose card is readable still says which model it claimed to be.
            assertEquals(s.bundle().contains("missingcard"), s.parsedCard().isEmpty(), s.toString());
        }
    }

    @Test
    void aPinKeepsALowerVersionActive() {
        catalog = catalog(ModelCatalog.pins(Map.of("pin.seizure-detection", "1.0.0", "intra.op.threads", 2)));
        catalog.add("v11", Fixtures.jar(Fixtures.V11));
        assertEquals("1.1.0", activeVersion(), "the pinned version is not installed: the highest serves");
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        assertEquals("1.0.0", activeVersion());
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.pins(Map.of("pin.ecg-arrhythmia", "latest")));
    }

    @Test
    void aLeaseKeepsItsModelAfterASwapAndTheRemovalOfItsBundle() {
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        ModelCard v1 = Fixtures.card(Fixtures.V1);
        ModelLease lease = catalog.lease(Fixtures.TASK);
        catalog.add("v11", Fixtures.jar(Fixtures.V11));
        catalog.remove("v1");
        assertEquals("1.1.0", activeVersion());
        FloatTensor out = lease.model().run(Fixtures.goldenInput(v1));
        assertTrue(out.maxAbsDifference(Fixtures.goldenOutput(v1)) <= 1e-4, "in-flight work finishes on v1");
        lease.close();
        lease.close();
        assertThrows(ModelException.class, () -> lease.model().run(Fixtures.goldenInput(v1)));
        try (ModelLease next = catalog.lease(Fixtures.TASK)) {
            assertEquals("1.1.0", next.model().card().version());
        }
    }

    /** The hot-swap promise: 20 swaps while inference runs continuously, no failed inference. */
    @Test
    void twentySwapsUnderContinuousInferenceFailNothing() throws Exception {
        catalog.add("v1", Fixtures.jar(Fixtures.V1));
        ModelCard v1 = Fixtures.card(Fixtures.V1);
        ModelCard v11 = Fixtures.card(Fixtures.V11);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger inferences = new AtomicInteger();
        AtomicInteger byV11 = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread worker = new Thread(() -> {
            while (running.get()) {
                try (ModelLease lease = catalog.lease(Fixtures.TASK)) {
                    ModelCard card = lease.model().card();
                    // v1 and v1.1 were exported with different weights: the answer shows who computed it.
                    FloatTensor out = lease.model().run(Fixtures.goldenInput(card));
                    if (out.maxAbsDifference(Fixtures.goldenOutput(card)) > 1e-4) {
                        throw new AssertionError("model " + card.version() + " answered " + out.get(0));
                    }
                    inferences.incrementAndGet();
                    if (card.version().equals("1.1.0")) {
                        byV11.incrementAndGet();
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }
        });
        worker.start();
        for (int swap = 0; swap < 20; swap++) {
            int before = inferences.get();
            catalog.add("v11", Fixtures.jar(Fixtures.V11));
            assertEquals(v11.version(), activeVersion());
            waitForMore(inferences, before);
            before = inferences.get();
            catalog.remove("v11");
            assertEquals(v1.version(), activeVersion());
            waitForMore(inferences, before);
        }
        running.set(false);
        worker.join(10_000);
        assertEquals(List.of(), failures);
        assertTrue(byV11.get() > 0 && byV11.get() < inferences.get(), "both versions served: " + byV11 + " of "
                + inferences);
    }

    private static void waitForMore(AtomicInteger inferences, int before) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (inferences.get() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
