using System.Globalization;

namespace GoMod.Core.SumDb.Note;

/// <summary>
/// A public key that verifies note signatures, parsed from Go's verifier key text <c>name+hash+base64(1 ‖ key)</c>:
/// the hash is eight hex digits and must equal <see cref="NoteKeys.KeyHash"/> of the name and key; the key is a 32-byte
/// Ed25519 public key after the algorithm byte 1.
/// </summary>
public sealed class NoteVerifier
{
    private readonly byte[] _publicKey;

    private NoteVerifier(string name, uint keyHash, byte[] publicKey, string text)
    {
        Name = name;
        KeyHash = keyHash;
        _publicKey = publicKey;
        Text = text;
    }

    /// <summary>The key's name (for a checksum database, its name: <c>sum.golang.org</c>).</summary>
    public string Name { get; }

    /// <summary>The key hash that signatures by this key carry.</summary>
    public uint KeyHash { get; }

    /// <summary>The key as written.</summary>
    public string Text { get; }

    /// <summary>Parses a verifier key.</summary>
    /// <exception cref="NoteException">The key is malformed, its hash does not match, or its algorithm is unknown.</exception>
    public static NoteVerifier Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (name, rest) = Chop(key);
        var (hex, b64) = Chop(rest);
        byte[]? raw = null;
        var hashOk = hex.Length == 8 && uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);
        try
        {
            raw = Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
        }
        if (!hashOk || raw is null || raw.Length == 0 || !NoteKeys.IsValidName(name))
            throw new NoteException(NoteErrorReason.MalformedVerifierKey, $"malformed verifier id: {key}");
        var hash = uint.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (hash != NoteKeys.KeyHash(name, raw))
            throw new NoteException(NoteErrorReason.VerifierHashMismatch, $"invalid verifier hash: {key}");
        if (raw[0] != NoteKeys.AlgorithmEd25519)
            throw new NoteException(NoteErrorReason.UnknownAlgorithm, $"unknown verifier algorithm {raw[0]}: {key}");
        if (raw.Length != 33)
            throw new NoteException(NoteErrorReason.MalformedVerifierKey, $"malformed verifier id (an Ed25519 key has 32 bytes): {key}");
        return new NoteVerifier(name, hash, raw[1..], key);
    }

    /// <summary>Whether <paramref name="signature"/> (without the key hash) signs <paramref name="message"/>.</summary>
    public bool Verify(byte[] message, ReadOnlySpan<byte> signature) => Ed25519Keys.Verify(_publicKey, message, signature);

    internal static (string Before, string After) Chop(string s)
    {
        var i = s.IndexOf('+', StringComparison.Ordinal);
        return i < 0 ? (s, "") : (s[..i], s[(i + 1)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
