package dk.flyt.gateway.console;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A console request made by htmx ({@code HX-Request: true}) or by a script that says so ({@code X-Requested-With})
 * cannot follow a redirect to the provider's login page: without a session it is answered 499, and the page reloads
 * itself through the login ({@code console.js}).
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {
    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        String requestedWith = context.request().getHeader("X-Requested-With");
        return "true".equals(context.request().getHeader("HX-Request"))
                || "JavaScript".equals(requestedWith)
                || "XMLHttpRequest".equals(requestedWith);
    }
}
