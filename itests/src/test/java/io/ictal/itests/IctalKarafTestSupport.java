package io.ictal.itests;

import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.framework.BundleContext;

/**
 * What every Pax Exam test in the booted Ictal distribution injects: the probe's bundle context, the
 * Karaf shell, and the wait for boot to finish. A test adds only the services of its own subject, and
 * its {@code @Configuration} method boots the distribution through {@link IctalKaraf#options}.
 *
 * <p>Pax Exam injects a test's own fields before these (it walks from the class up to its superclasses);
 * every injection still completes before a test method runs, so each test starts after boot finished.
 */
abstract class IctalKarafTestSupport {

    /** Injection waits until Karaf has installed every boot feature: never read, only waited for. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    BundleContext context;

    @Inject
    SessionFactory sessionFactory;
}
