// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM keys with the JDK alone: public keys as SubjectPublicKeyInfo ({@code PUBLIC KEY}) or
 * PKCS#1 ({@code RSA PUBLIC KEY}); private keys as PKCS#8 ({@code PRIVATE KEY}) or PKCS#1
 * ({@code RSA PRIVATE KEY}). RSA, RSASSA-PSS, EC and Ed25519 keys. Errors never quote the key.
 */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final List<String> FACTORIES = List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");
    /** AlgorithmIdentifier for rsaEncryption: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
    private static final byte[] RSA_ENCRYPTION = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    public static PublicKey publicKey(String pem) {
        Block block = block(pem);
        byte[] spki = switch (block.type) {
            case "PUBLIC KEY" -> block.der;
            case "RSA PUBLIC KEY" -> der(0x30, concat(RSA_ENCRYPTION, der(0x03, concat(new byte[] {0}, block.der))));
            default -> throw new IllegalArgumentException("expected a PUBLIC KEY PEM block, found " + block.type);
        };
        for (String algorithm : FACTORIES) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException | RuntimeException next) {
                // not this algorithm
            }
        }
        throw new IllegalArgumentException("not an RSA, EC or Ed25519 public key");
    }

    public static PrivateKey privateKey(String pem) {
        Block block = block(pem);
        byte[] pkcs8 = switch (block.type) {
            case "PRIVATE KEY" -> block.der;
            case "RSA PRIVATE KEY" -> der(0x30, concat(new byte[] {0x02, 0x01, 0x00}, RSA_ENCRYPTION, der(0x04, block.der)));
            case "EC PRIVATE KEY" -> throw new IllegalArgumentException(
                    "SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("encrypted private keys are not read");
            default -> throw new IllegalArgumentException("expected a PRIVATE KEY PEM block, found " + block.type);
        };
        for (String algorithm : FACTORIES) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException next) {
                // not this algorithm
            }
        }
        throw new IllegalArgumentException("not an RSA, EC or Ed25519 private key");
    }

    /** {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code PRIVATE KEY} (PKCS#8), lines of 64. */
    public static String toPem(Key key) {
        String type = key instanceof PublicKey ? "PUBLIC KEY" : "PRIVATE KEY";
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    @SuppressWarnings("ArrayRecordComponent") // read once from the PEM text, decoded once; never compared
    private record Block(String type, byte[] der) {
    }

    private static Block block(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("not a PEM block");
        }
        try {
            return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM body is not base64");
        }
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
