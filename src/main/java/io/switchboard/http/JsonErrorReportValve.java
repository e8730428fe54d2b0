package io.switchboard.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, in the hub's JSON: what Tomcat answers itself, before any servlet runs (a
 * request line or URL it cannot parse or decode, headers too large or too many, a missing Host, an
 * unsupported Transfer-Encoding or HTTP version, TRACE), and any {@code sendError} or exception no
 * error page answered. Tomcat's own valve wrote an HTML page there. The status is kept; the code
 * comes from it ({@link HttpErrors}); Tomcat's message is not repeated (it may quote the request
 * line). Like Tomcat's valve, it leaves alone an answer that already has a body, or whose status
 * was merely set ({@code setStatus}, not {@code sendError}).
 *
 * <p>Installed on the host by {@link HttpErrorConfiguration}, in place of Spring Boot's and
 * Tomcat's default {@link ErrorReportValve}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (refusedTrace(request, response)) {
            // Tomcat refused TRACE (allowTrace=false) before mapping it to the application: the
            // error page would re-dispatch a TRACE to /error, which Spring MVC does not serve, and
            // the answer stayed empty. Answer it here.
            response.setSuspended(false);
            report(request, response, null);
            return;
        }
        super.invoke(request, response);
    }

    private static boolean refusedTrace(Request request, Response response) {
        return response.isError() && "TRACE".equals(request.getMethod())
                && (request.getConnector() == null || !request.getConnector().getAllowTrace());
    }

    /** Same conditions as Tomcat's report: an error status, nothing written, not reported yet, I/O allowed. */
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is already gone or is being closed without an answer
        }
        HttpErrors.Reply reply = HttpErrors.forStatus(status, response.getHeader("Allow"), null);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) { // null: the answer was committed meanwhile, nothing can be added
                writer.write(reply.json());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the caller has gone
        }
    }
}
