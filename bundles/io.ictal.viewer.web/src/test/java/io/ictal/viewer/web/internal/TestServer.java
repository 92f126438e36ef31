package io.ictal.viewer.web.internal;

import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import io.ictal.viewer.spi.MarkerProvider;
import io.ictal.workflow.internal.TestQueue;
import io.ictal.workflow.internal.WorkflowMarkerProvider;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The viewer as Karaf runs it, without Karaf: the servlet in Jetty 9.4 (Pax Web's engine) on a free
 * localhost port, the real workflow with a real classifier, the real EDF reader and spectrogram service (the CSA), an in-memory queue.
 */
final class TestServer implements AutoCloseable {

    final TestQueue queue = new TestQueue();
    final WorkflowMarkerProvider workflow;
    private final SpectrogramComponent spectrogram;
    final ViewerServlet servlet;
    private final Server server;
    final String baseUrl;

    TestServer(Path recordings, Path uploads) throws Exception {
        workflow = new WorkflowMarkerProvider(new WorkflowMarkerProvider.Config() {
            public int threads() {
                return 2;
            }

            public boolean lenient() {
                return true;
            }

            public double csaEpochSeconds() {
                return 10;
            }

            public double swapGraceSeconds() {
                return 1;
            }

            public int maxExplanationMegabytes() {
                return 8;
            }

            public Class<? extends Annotation> annotationType() {
                return WorkflowMarkerProvider.Config.class;
            }
        }, new EdfRecordingReader());
        workflow.addClassifier(new AmplitudeClassifier(), Map.of("task", "seizure-detection", "service.id", 1L));
        workflow.setReviewQueue(queue);
        spectrogram = new SpectrogramComponent(1, 600);
        workflow.setSpectrogram(spectrogram);
        servlet = new ViewerServlet(new ViewerSettings(recordings, uploads, 64L << 20, 4), new EdfRecordingReader());
        servlet.addProvider(workflow, Map.of(MarkerProvider.PROVIDER_ID, "ictal",
                MarkerProvider.PROVIDER_NAME, "Ictal seizure detection"));
        servlet.setReviewQueue(queue);

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/ictal/*");
        server.setHandler(context);
        server.start();
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/ictal/";
    }

    @Override
    public void close() throws Exception {
        server.stop();
        servlet.deactivate();
        workflow.deactivate();
        spectrogram.deactivate();
    }
}
