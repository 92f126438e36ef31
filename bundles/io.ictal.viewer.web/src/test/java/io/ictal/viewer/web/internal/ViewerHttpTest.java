package io.ictal.viewer.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.workflow.internal.TestRecordings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servlet over HTTP without a browser: what a page of another site could and could not do. */
class ViewerHttpTest {

    @TempDir
    Path dir;

    private static HttpResponse<String> post(String url, boolean withHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (withHeader) {
            request.header("X-Requested-With", ViewerServlet.REQUESTED_WITH);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postsWithoutTheViewersHeaderAreRefusedAndThePageAndApiAnswer() throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        TestRecordings.write(recordings, "r.edf", 30, 10, false);
        try (TestServer server = new TestServer(recordings, dir.resolve("uploads"))) {
            HttpResponse<String> forged = post(server.baseUrl + "api/open?name=r.edf", false);
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("X-Requested-With"), forged.body());

            HttpResponse<String> opened = post(server.baseUrl + "api/open?name=r.edf", true);
            assertEquals(200, opened.statusCode(), opened.body());
            assertTrue(opened.body().contains("\"durationSeconds\":30"), opened.body());

            HttpResponse<String> traversal = post(server.baseUrl + "api/open?name=..%2Fsecret.edf", true);
            assertEquals(400, traversal.statusCode());

            HttpResponse<String> noItem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl + "api/decide")).header("X-Requested-With", ViewerServlet.REQUESTED_WITH)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"confirm\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, noItem.statusCode(), noItem.body());

            byte[] edf = Files.readAllBytes(recordings.resolve("r.edf"));
            HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl + "api/upload?name=uploaded.edf"))
                    .header("X-Requested-With", ViewerServlet.REQUESTED_WITH)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(edf)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            assertArrayEquals(edf, Files.readAllBytes(dir.resolve("uploads").resolve("uploaded.edf")));
            HttpResponse<String> listed = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl + "api/recordings")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(listed.body().contains("\"uploaded.edf\""), listed.body());

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Ictal viewer</title>"));
        }
    }
}
