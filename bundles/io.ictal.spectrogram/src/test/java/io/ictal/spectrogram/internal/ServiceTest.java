package io.ictal.spectrogram.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes whose tests share one service (2 threads, 600-s blocks), started before them and ended after. */
abstract class ServiceTest {

    static SpectrogramComponent service;

    @BeforeAll
    static void startService() {
        service = TestServices.component(2, 600);
    }

    @AfterAll
    static void stopService() {
        service.deactivate();
    }
}
