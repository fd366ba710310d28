package dk.flyt.gateway.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A console form refused by the CSRF check (no token, or not this browser's) is answered with a page that says so,
 * not an empty 400.
 */
public class StaleForms {
    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400
                && !response.hasEntity()
                && "POST".equals(request.getMethod())
                && request.getUriInfo().getPath().startsWith("/console")) {
            response.setEntity(
                    "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Formularen kunne ikke"
                            + " sendes · Flyt</title><link rel=\"stylesheet\" href=\"/console-assets/console.css\"></head>"
                            + "<body><main id=\"main\"><h1>Formularen kunne ikke sendes</h1><p role=\"alert\">Siden var"
                            + " forældet eller kom ikke fra konsollen. Gå tilbage, genindlæs siden og prøv igen.</p>"
                            + "<p><a href=\"/console\">Til forsiden</a></p></main></body></html>",
                    null,
                    MediaType.TEXT_HTML_TYPE);
        }
    }
}
