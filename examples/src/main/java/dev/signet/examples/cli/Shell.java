// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

/** Quoting for POSIX shells, for the commands the demo and the CLI print for a user to paste. */
public final class Shell {

    private Shell() {
    }

    /** The text as one shell word: single-quoted unless it is plainly safe, with {@code '} written as {@code '\''}. */
    public static String quote(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> (Character.isLetterOrDigit(c) && c < 128) || "-_./:=@%+,".indexOf(c) >= 0)) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
