package io.ictal.viewer.web.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.ReviewQueue;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.MarkerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference viewer's page and JSON API under {@code /ictal/}, registered with the OSGi HTTP
 * Whiteboard (Pax Web in Karaf; where it listens, 127.0.0.1:8181 by default, is set in
 * {@code etc/org.ops4j.pax.web.cfg}). The API is what the page uses; see the bundle's README.
 */
@Component(service = Servlet.class, configurationPid = ViewerServlet.PID,
        property = {"osgi.http.whiteboard.servlet.pattern=/ictal/*", "osgi.http.whiteboard.servlet.name=ictal-viewer"})
@Designate(ocd = ViewerServlet.Config.class)
public final class ViewerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ViewerServlet.class);

    static final String PID = "io.ictal.viewer.web";

    /** The header value every POST must carry (see doPost). */
    static final String REQUESTED_WITH = "ictal-viewer";

    @ObjectClassDefinition(name = "Ictal reference viewer",
            description = "The web page that shows recordings with Ictal's markers and the review list.")
    public @interface Config {

        @AttributeDefinition(description = "Folder of recordings the page offers (relative to Karaf's base folder).")
        String folder() default "recordings";

        @AttributeDefinition(description = "Folder uploaded recordings are stored in (relative to Karaf's base folder).")
        String uploads() default "data/uploads";

        @AttributeDefinition(description = "Largest upload accepted, in megabytes.")
        int maxUploadMegabytes() default 2048;

        @AttributeDefinition(description = "Recordings kept open at once; opening one more closes (and cancels the "
                + "analysis of) the least recently used.")
        int maxOpenRecordings() default 4;

        @AttributeDefinition(name = "ictal.viewer.url", description = "The page's address as users reach it, when "
                + "that is not where the HTTP server listens (behind a proxy). Empty: ictal:status shows the HTTP "
                + "runtime's endpoint (etc/org.ops4j.pax.web.cfg) followed by ictal/.")
        String ictal_viewer_url() default "";
    }

    private static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().create();

    private final List<Viewer.Provider> providers = new CopyOnWriteArrayList<>();
    private final AtomicReference<ReviewQueue> queue = new AtomicReference<>();
    private final transient Viewer viewer;

    @Activate
    public ViewerServlet(Config config, @Reference RecordingReader reader) {
        this(new ViewerSettings(base(config.folder()), base(config.uploads()),
                (long) config.maxUploadMegabytes() << 20, config.maxOpenRecordings()), reader);
    }

    ViewerServlet(ViewerSettings settings, RecordingReader reader) {
        this.viewer = new Viewer(settings, reader, () -> List.copyOf(providers), queue::get);
    }

    private static Path base(String folder) {
        return Path.of(System.getProperty("karaf.base", ".")).resolve(folder).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        viewer.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(MarkerProvider provider, Map<String, Object> properties) {
        Object name = properties.getOrDefault(MarkerProvider.PROVIDER_NAME,
                properties.getOrDefault(MarkerProvider.PROVIDER_ID, provider.getClass().getSimpleName()));
        providers.add(new Viewer.Provider(provider, name.toString()));
    }

    public void removeProvider(MarkerProvider provider) {
        providers.removeIf(p -> p.provider() == provider);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setReviewQueue(ReviewQueue reviewQueue) {
        queue.set(reviewQueue);
    }

    public void unsetReviewQueue(ReviewQueue reviewQueue) {
        queue.compareAndSet(reviewQueue, null);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() == null) {
            // The page's links are relative to /ictal/.
            resp.sendRedirect(req.getRequestURI() + "/" + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            return;
        }
        String path = req.getPathInfo();
        handle(resp, () -> switch (path) {
            case "/api/recordings" -> viewer.recordings();
            case "/api/state" -> viewer.state(req.getParameter("name"), "1".equals(req.getParameter("trends")));
            case "/api/traces" -> viewer.traces(req.getParameter("name"), number(req, "start"), number(req, "duration"),
                    req.getParameter("montage"), (int) number(req, "points"));
            case "/api/review" -> viewer.review(req.getParameter("name"));
            case "/api/explanation" -> viewer.explanation(req.getParameter("name"), req.getParameter("marker"));
            default -> staticFile(path);
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        // A page of another site in the reviewer's browser could POST here (the viewer has no login);
        // a custom header makes such a request need a CORS preflight, which this servlet never grants.
        if (!REQUESTED_WITH.equals(req.getHeader("X-Requested-With"))) {
            error(resp, 403, "POST requests need the header X-Requested-With: " + REQUESTED_WITH);
            return;
        }
        handle(resp, () -> switch (path) {
            case "/api/open" -> viewer.open(req.getParameter("name"));
            case "/api/upload" -> viewer.upload(req.getParameter("name"), req.getInputStream());
            case "/api/decide" -> decide(req);
            default -> throw ViewerException.notFound("no such API: POST " + path);
        });
    }

    private Object decide(HttpServletRequest req) throws IOException {
        JsonObject body;
        try (var reader = new InputStreamReader(req.getInputStream(), StandardCharsets.UTF_8)) {
            body = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ViewerException.badRequest("the body must be a JSON object {id, revision, action, reviewer, comment,"
                    + " onset, offset}: " + e.getMessage());
        }
        long id;
        long revision;
        try {
            id = body.get("id").getAsLong();
            revision = body.get("revision").getAsLong();
        } catch (NullPointerException | UnsupportedOperationException | IllegalStateException | NumberFormatException e) {
            throw ViewerException.badRequest("the body needs numbers 'id' and 'revision' (the item as loaded)");
        }
        return viewer.decide(id, revision, text(body, "action"), text(body, "reviewer"), text(body, "comment"),
                decimal(body, "onset"), decimal(body, "offset"));
    }

    private static String text(JsonObject body, String field) {
        return body.has(field) && !body.get(field).isJsonNull() ? body.get(field).getAsString() : null;
    }

    private static double decimal(JsonObject body, String field) {
        return body.has(field) && !body.get(field).isJsonNull() ? body.get(field).getAsDouble() : Double.NaN;
    }

    private static double number(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        try {
            return Double.parseDouble(value);
        } catch (NullPointerException | NumberFormatException e) {
            throw ViewerException.badRequest("parameter '" + name + "' must be a number, was '" + value + "'");
        }
    }

    /** A page file from the bundle (static/), never outside it. */
    private static StaticFile staticFile(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[a-z0-9-]+\\.(html|js|css)")) {
            throw ViewerException.notFound("no such page: " + path);
        }
        InputStream in = ViewerServlet.class.getResourceAsStream("/static/" + name);
        if (in == null) {
            throw ViewerException.notFound("no such page: " + path);
        }
        String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
        return new StaticFile(type + ";charset=utf-8", in);
    }

    private record StaticFile(String type, InputStream in) {
    }

    @FunctionalInterface
    private interface Action {
        Object run() throws IOException;
    }

    private static void handle(HttpServletResponse resp, Action action) throws IOException {
        Object result;
        try {
            result = action.run();
        } catch (ViewerException e) {
            error(resp, e.status, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            LOG.error("The viewer failed on a request", e);
            error(resp, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        if (result instanceof StaticFile f) {
            resp.setContentType(f.type());
            try (InputStream in = f.in()) {
                in.transferTo(resp.getOutputStream());
            }
        } else if (result instanceof Explanation e) {
            resp.setContentType(e.mediaType());
            resp.getOutputStream().write(e.image());
        } else {
            resp.setContentType("application/json;charset=utf-8");
            resp.getWriter().write(GSON.toJson(result));
        }
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().write(GSON.toJson(Map.of("error", message == null ? "" : message)));
    }
}
