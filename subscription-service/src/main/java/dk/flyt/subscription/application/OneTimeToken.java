package dk.flyt.subscription.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secret in a confirmation link: 256 random bits for the customer, only its SHA-256 for us to keep. */
public record OneTimeToken(String token, String hash) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static OneTimeToken create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new OneTimeToken(token, sha256(token));
    }

    /** Whether {@code token} is the one whose hash was kept; compared in constant time. */
    public static boolean matches(String token, String storedHash) {
        return token != null
                && storedHash != null
                && MessageDigest.isEqual(
                        sha256(token).getBytes(StandardCharsets.US_ASCII),
                        storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
