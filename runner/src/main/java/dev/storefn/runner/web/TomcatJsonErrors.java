package dev.storefn.runner.web;

import java.io.IOException;
import java.util.Map;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Errors answered outside the dispatcher (a missing media file, a broken request) are JSON too, never HTML.
 * Spring Boot's error page and controller are left out ({@code RunnerDefaults}), so Tomcat reports every such
 * error, as it does for requests it rejects before any servlet sees them (headers too large, {@code %00} or
 * {@code %2F} in the path, a malformed request line): through the host's {@link ErrorReportValve}, whose page
 * is HTML. This puts a valve there that writes {@code {"detail": ...}}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
// Unordered, so after Spring Boot's own customizer, which puts a plain ErrorReportValve on the host (removed below).
class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new JsonErrorReportValve());
            // The host adds a valve of this class when it starts unless one is there: it finds ours.
            ((StandardHost) host).setErrorReportValveClass(JsonErrorReportValve.class.getName());
        });
    }

    static final class JsonErrorReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As the HTML valve: error statuses only, when nothing has been written, and once.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("detail", detail(status)));
            try {
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException clientGoneOrResponseClosed) {
                // Nothing more can be said to this client.
            }
        }

        private static String detail(int statusCode) {
            HttpStatus status = HttpStatus.resolve(statusCode);
            if (status == null) {
                return "Error " + statusCode + ".";
            }
            return switch (status) {
                case NOT_FOUND -> "Not found.";
                case INTERNAL_SERVER_ERROR -> "Internal error";
                default -> status.getReasonPhrase() + ".";
            };
        }
    }
}
