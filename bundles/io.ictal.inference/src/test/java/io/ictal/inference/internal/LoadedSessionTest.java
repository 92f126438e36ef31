package io.ictal.inference.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadedSessionTest {

    @Test
    void aRetiredSessionClosesWhenItsLastUserReleasesIt() throws Exception {
        LoadedSession session = new ModelValidator(Fixtures.RUNTIME)
                .validate(Fixtures.jar(Fixtures.V1), "model/card.json").session();
        assertTrue(session.tryAcquire());
        assertTrue(session.tryAcquire());
        session.retire();
        assertFalse(session.tryAcquire(), "no new users once retired");
        session.release();
        assertFalse(session.isClosed(), "one user left");
        session.release();
        assertTrue(session.isClosed());
    }

    @Test
    void anUnusedSessionClosesAtOnceWhenRetired() throws Exception {
        LoadedSession session = new ModelValidator(Fixtures.RUNTIME)
                .validate(Fixtures.jar(Fixtures.V1), "model/card.json").session();
        session.retire();
        assertTrue(session.isClosed());
    }
}
