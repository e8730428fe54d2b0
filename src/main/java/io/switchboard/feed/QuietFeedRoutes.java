package io.switchboard.feed;

import org.apache.camel.CamelContext;
import org.apache.camel.ErrorHandlerFactory;
import org.apache.camel.LoggingLevel;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps Camel's error handler quiet on the routes fed by the call source, because the feed
 * consumer already reports every failed delivery attempt once, with what an operator needs
 * (subscription, call, attempt n/max, next attempt, the remote's status and message). Without
 * this, Camel's default error handler also logs every failed attempt at ERROR with the message
 * history and a stack trace: a CRM outage of an hour then fills the log with thousands of traces.
 *
 * <p>Applies to routes that start {@code from} {@code kamelet:switchboard-call-source} or
 * {@code switchboard:calls} and use the default error handler (no {@code routeConfigurationId},
 * no error handler of their own: a route that declares one keeps it; Kamelet and template routes,
 * such as the call source's own route, are left alone). Their default error handler
 * is copied with logging turned off; redelivery stays off (the feed retries with backoff) and
 * {@code onException} clauses still work.
 *
 * <p>Registered when the Spring context creates this bean, before the routes are loaded, so it
 * sees consultant YAML routes and routes added at run time alike.
 */
@Component
class QuietFeedRoutes implements ModelLifecycleStrategy {

    QuietFeedRoutes(CamelContext camel) {
        camel.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(this);
    }

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        if (isFedByCallSource(route) && route.getRouteConfigurationId() == null && !fromTemplate(route)) {
            ErrorHandlerFactory current = route.isErrorHandlerFactorySet() ? route.getErrorHandlerFactory() : null;
            if (current == null || current.getClass() == DefaultErrorHandlerDefinition.class) {
                route.setErrorHandlerFactory(quiet((DefaultErrorHandlerDefinition) current));
            }
        }
    }

    /** Kamelet and template routes (the call source's own route) keep what Camel gives them (no error handler). */
    private static boolean fromTemplate(RouteDefinition route) {
        return route.isCreatedFromTemplate() || Boolean.TRUE.equals(route.isKamelet());
    }

    static boolean isFedByCallSource(RouteDefinition route) {
        String uri = route.getInput() == null ? null : route.getInput().getEndpointUri();
        return uri != null && (uri.startsWith("kamelet:switchboard-call-source") || uri.startsWith("switchboard:calls")
                || uri.startsWith("switchboard://calls"));
    }

    private static DefaultErrorHandlerDefinition quiet(DefaultErrorHandlerDefinition current) {
        DefaultErrorHandlerDefinition quiet =
                current == null ? new DefaultErrorHandlerDefinition() : current.copyDefinition();
        return quiet.loggingLevel(LoggingLevel.OFF)
                .logExhausted(false)
                .logStackTrace(false)
                .logRetryAttempted(false)
                .logExhaustedMessageHistory(false);
    }

    @Override
    public void onRemoveRouteDefinition(RouteDefinition route) {}

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {}

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {}
}
