using System.Globalization;

namespace GoMod.Core.SumDb.Note;

/// <summary>
/// A private key that signs notes, parsed from Go's signer key text <c>PRIVATE+KEY+name+hash+base64(1 ‖ seed)</c>;
/// the hash is checked against the public key derived from the 32-byte Ed25519 seed.
/// </summary>
public sealed class NoteSigner
{
    private readonly byte[] _seed;

    private NoteSigner(string name, uint keyHash, byte[] seed)
    {
        Name = name;
        KeyHash = keyHash;
        _seed = seed;
    }

    /// <summary>The signer's name.</summary>
    public string Name { get; }

    /// <summary>The key hash written before each signature.</summary>
    public uint KeyHash { get; }

    /// <summary>Parses a signer key.</summary>
    /// <exception cref="NoteException">The key is malformed or its hash does not match its public key.</exception>
    public static NoteSigner Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (p1, rest) = NoteVerifier.Chop(key);
        var (p2, rest2) = NoteVerifier.Chop(rest);
        var (name, rest3) = NoteVerifier.Chop(rest2);
        var (hex, b64) = NoteVerifier.Chop(rest3);
        byte[]? raw = null;
        try
        {
            raw = Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
        }
        if (p1 != "PRIVATE" || p2 != "KEY" || hex.Length != 8 ||
            !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash) ||
            raw is null || raw.Length == 0 || !NoteKeys.IsValidName(name))
            throw new NoteException(NoteErrorReason.MalformedSignerKey, "malformed signer id");
        if (raw[0] != NoteKeys.AlgorithmEd25519)
            throw new NoteException(NoteErrorReason.UnknownAlgorithm, $"unknown signer algorithm {raw[0]}");
        if (raw.Length != 33) throw new NoteException(NoteErrorReason.MalformedSignerKey, "malformed signer id (an Ed25519 seed has 32 bytes)");
        var seed = raw[1..];
        var pub = new byte[33];
        pub[0] = NoteKeys.AlgorithmEd25519;
        Ed25519Keys.PublicKey(seed).CopyTo(pub, 1);
        if (NoteKeys.KeyHash(name, pub) != hash) throw new NoteException(NoteErrorReason.MalformedSignerKey, "invalid signer hash");
        return new NoteSigner(name, hash, seed);
    }

    /// <summary>The Ed25519 signature of <paramref name="message"/> (without the key hash).</summary>
    public byte[] Sign(byte[] message) => Ed25519Keys.Sign(_seed, message);
}
