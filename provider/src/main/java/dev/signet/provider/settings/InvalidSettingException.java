// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

/**
 * A setting whose value Signet cannot use. Thrown while the application starts, so the deployment fails
 * with a message that names the setting and what is wrong with it.
 */
public final class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSettingException(String setting, String value, String problem) {
        super("Signet setting " + setting + "=" + shorten(value) + " is invalid: " + problem);
        this.setting = setting;
    }

    /** The name of the setting, such as {@code signet.max-body-bytes}. */
    public String setting() {
        return setting;
    }

    /** Shortened, and without the user information of a URI (a Hot Rod URI may carry a password). */
    private static String shorten(String value) {
        String safe = value.replaceAll("//[^/?#]*@", "//***@");
        return safe.length() > 80 ? safe.substring(0, 80) + "..." : safe;
    }
}
