// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

/** The outcome of reading the signature headers: well-formed {@link Credentials} or a {@link Refusal}. */
public sealed interface ParsedCredentials permits Credentials, Refusal {
}
