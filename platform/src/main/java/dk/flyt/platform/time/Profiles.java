package dk.flyt.platform.time;

import io.quarkus.runtime.configuration.ConfigUtils;
import java.util.List;

/** Production is any run whose profiles are neither {@code dev} nor {@code test} ({@code prod}, {@code staging}...). */
public final class Profiles {
    private Profiles() {}

    public static boolean isProduction() {
        return isProduction(ConfigUtils.getProfiles());
    }

    static boolean isProduction(List<String> active) {
        return !active.contains("dev") && !active.contains("test");
    }
}
