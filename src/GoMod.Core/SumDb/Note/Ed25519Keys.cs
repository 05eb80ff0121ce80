using Org.BouncyCastle.Math.EC.Rfc8032;

namespace GoMod.Core.SumDb.Note;

/// <summary>
/// Ed25519 (RFC 8032) through BouncyCastle, since .NET has no Ed25519 API: public keys from seeds, signing,
/// verification.
/// </summary>
internal static class Ed25519Keys
{
    public static byte[] PublicKey(ReadOnlySpan<byte> seed)
    {
        var pk = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(seed.ToArray(), 0, pk, 0);
        return pk;
    }

    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var sig = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(seed, 0, message, 0, message.Length, sig, 0);
        return sig;
    }

    public static bool Verify(byte[] publicKey, byte[] message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Ed25519.SignatureSize) return false;
        return Ed25519.Verify(signature.ToArray(), 0, publicKey, 0, message, 0, message.Length);
    }
}
