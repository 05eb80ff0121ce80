using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GoMod.Core.SumDb.Note;

/// <summary>
/// Key rules shared by verifiers and signers (x/mod sumdb/note): a key is named, its algorithm byte is 1 for Ed25519,
/// and its hash is the first four bytes (big-endian) of SHA-256(name ‖ "\n" ‖ algorithm ‖ public key). A name is
/// non-empty valid text without white space or '+'.
/// </summary>
public static class NoteKeys
{
    /// <summary>The algorithm byte of Ed25519 keys.</summary>
    public const byte AlgorithmEd25519 = 1;

    /// <summary>The key hash of <paramref name="name"/> and the public key bytes (algorithm byte included).</summary>
    public static uint KeyHash(string name, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + "\n");
        var buffer = new byte[nameBytes.Length + publicKey.Length];
        nameBytes.CopyTo(buffer, 0);
        publicKey.CopyTo(buffer.AsSpan(nameBytes.Length));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buffer));
    }

    /// <summary>Whether <paramref name="name"/> may name a key or a signer.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || name.Contains('+')) return false;
        foreach (var c in name)
            if (char.IsWhiteSpace(c)) return false;
        return true;
    }

    /// <summary>
    /// A new Ed25519 key pair for <paramref name="name"/>: the signer key (<c>PRIVATE+KEY+name+hash+base64</c>) and the
    /// verifier key (<c>name+hash+base64</c>).
    /// </summary>
    public static (string SignerKey, string VerifierKey) Generate(string name)
    {
        if (!IsValidName(name)) throw new NoteException(NoteErrorReason.MalformedSignerKey, $"invalid signer name {name}");
        var seed = RandomNumberGenerator.GetBytes(32);
        return FromSeed(name, seed);
    }

    /// <summary>The key pair of <paramref name="name"/> for a 32-byte Ed25519 seed (deterministic, for fixtures).</summary>
    public static (string SignerKey, string VerifierKey) FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32) throw new ArgumentException("an Ed25519 seed has 32 bytes", nameof(seed));
        var pub = new byte[33];
        pub[0] = AlgorithmEd25519;
        Ed25519Keys.PublicKey(seed).CopyTo(pub, 1);
        var hash = KeyHash(name, pub);
        var priv = new byte[33];
        priv[0] = AlgorithmEd25519;
        seed.CopyTo(priv.AsSpan(1));
        var hex = hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return ($"PRIVATE+KEY+{name}+{hex}+{Convert.ToBase64String(priv)}", $"{name}+{hex}+{Convert.ToBase64String(pub)}");
    }
}
