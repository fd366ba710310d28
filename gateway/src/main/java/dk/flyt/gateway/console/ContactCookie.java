package dk.flyt.gateway.console;

import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import java.util.UUID;

/**
 * Which contact the agent works in, remembered by the browser ({@code customerId:contactId}, HttpOnly, the console's
 * path only, never script-readable): the customer page then reads the subscription service once. The cookie is only a
 * hint; the services check the contact on every call and the page asks afresh when it was closed.
 */
final class ContactCookie {
    static final String NAME = "flyt_contact";
    private static final int MAX_AGE_SECONDS = 8 * 3600;

    static Optional<UUID> contactFor(String cookie, String customerId) {
        if (cookie == null || customerId == null || !cookie.startsWith(customerId + ":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(cookie.substring(customerId.length() + 1)));
        } catch (IllegalArgumentException notAContact) {
            return Optional.empty();
        }
    }

    static NewCookie of(String customerId, UUID contact) {
        return cookie(customerId + ":" + contact, MAX_AGE_SECONDS);
    }

    static NewCookie clear() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/console")
                .httpOnly(true)
                .secure(secure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    /** Secure as the console's session cookie is (in production). */
    private static boolean secure() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.console.authentication.cookie-force-secure", Boolean.class)
                .orElse(false);
    }

    private ContactCookie() {}
}
