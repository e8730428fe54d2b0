package io.switchboard.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The container-level half of the hub's JSON errors (the other half is {@link JsonErrorController}):
 *
 * <ul>
 *   <li>{@link JsonErrorReportValve} answers what Tomcat refuses itself, in place of the HTML
 *       {@link ErrorReportValve}s;
 *   <li>a request with a multipart body is refused with 415 on every path, before its handler runs
 *       (the hub takes no uploads; {@code spring.servlet.multipart.enabled=false} keeps Spring and
 *       Tomcat from parsing one at all);
 *   <li>Spring MVC's "no such path" exceptions become a 404 without the log line that quoted the
 *       path (webhook paths carry source tokens).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class HttpErrorConfiguration {

    @Bean
    JsonErrorValveInstaller jsonErrorReportValve() {
        return new JsonErrorValveInstaller();
    }

    /**
     * A {@link MappedInterceptor} bean is added to every handler mapping of the context: Spring
     * MVC's, Camel platform-http's ({@code CamelRequestHandlerMapping}: webhooks and the REST API),
     * actuator's, static resources'. So it runs after the servlet filters (the API key is checked
     * first) and after the mapping (a 404, 405, 406 or 415 of the mapping wins), before the handler.
     */
    @Bean
    MappedInterceptor multipartRefusal() {
        return new MappedInterceptor(null, new MultipartRefusal());
    }

    @Bean
    QuietNotFound quietNotFound() {
        return new QuietNotFound();
    }

    /**
     * Puts {@link JsonErrorReportValve} on the host, and removes every other {@link ErrorReportValve}
     * there. Two others would answer instead of it: Spring Boot's {@code TomcatWebServerFactoryCustomizer}
     * adds a plain one to the host pipeline when {@code server.error.include-stacktrace=never}
     * (the innermost report valve answers first, and only one answers), and {@link StandardHost}
     * adds one at start unless the pipeline holds a valve of the class named by
     * {@code errorReportValveClass} (by default Tomcat's own). Runs after Boot's customizer
     * (lowest precedence), and again just before the host starts, whatever the order.
     */
    static final class JsonErrorValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                install(host);
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        install(host);
                    }
                });
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        static void install(Container host) {
            Pipeline pipeline = host.getPipeline();
            boolean installed = false;
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof JsonErrorReportValve) {
                    installed = true;
                } else if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            if (!installed) {
                pipeline.addValve(new JsonErrorReportValve());
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        }
    }

    /** 415 for a multipart body: the hub accepts none, anywhere. */
    static final class MultipartRefusal implements HandlerInterceptor {

        static final HttpErrors.Reply REPLY = new HttpErrors.Reply(415, "unsupported_media_type",
                "The hub accepts no multipart bodies: send application/json, or the form or query the vendor's feed documents");

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
            if (request.getDispatcherType() != DispatcherType.REQUEST || !isMultipart(request.getContentType())) {
                return true;
            }
            HttpErrors.write(response, REPLY);
            return false;
        }

        static boolean isMultipart(String contentType) {
            return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
        }
    }

    /**
     * Spring MVC's 404 (no handler, no static resource), without the WARN line of its
     * {@code DefaultHandlerExceptionResolver}, which quotes the path ("No static resource
     * webhooks/keyyo/&lt;token&gt;/."). Ordered after Boot's {@code DefaultErrorAttributes}, before
     * Spring MVC's resolvers.
     */
    static final class QuietNotFound implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (!(ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) || response.isCommitted()) {
                return null;
            }
            try {
                response.sendError(404);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }
}
