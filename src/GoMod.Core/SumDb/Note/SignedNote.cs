using System.Buffers.Binary;
using System.Text;

namespace GoMod.Core.SumDb.Note;

/// <summary>
/// A signed note (x/mod sumdb/note): UTF-8 text without control characters other than newline, ending in a newline,
/// then a blank line, then one or more signature lines <c>— name base64(keyhash ‖ sig)</c>. Opening a note verifies
/// every signature by a known key (a bad one fails the note), keeps the others as unverified, ignores repeats, and
/// requires at least one verified signature.
/// </summary>
public sealed class SignedNote
{
    private const string SigPrefix = "\u2014 ";
    private const int MaxSignatures = 100;

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures, IReadOnlyList<NoteSignature> unverified)
    {
        Text = text;
        Signatures = signatures;
        UnverifiedSignatures = unverified;
    }

    /// <summary>The signed text (ends in a newline).</summary>
    public string Text { get; }

    /// <summary>Signatures verified by a known key.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signatures by keys not in the known list.</summary>
    public IReadOnlyList<NoteSignature> UnverifiedSignatures { get; }

    /// <summary>Parses and verifies <paramref name="message"/> against the <paramref name="known"/> verifiers.</summary>
    /// <exception cref="NoteException">
    /// Malformed; a known key's signature is invalid; no signature by a known key; or two known keys are ambiguous.
    /// </exception>
    public static SignedNote Open(ReadOnlySpan<byte> message, IReadOnlyCollection<NoteVerifier> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        string msg;
        try
        {
            msg = new UTF8Encoding(false, true).GetString(message);
        }
        catch (DecoderFallbackException e)
        {
            throw new NoteException(NoteErrorReason.MalformedNote, "malformed note: not valid UTF-8", e);
        }
        foreach (var c in msg)
            if (c < 0x20 && c != '\n') throw Malformed("control character in note");

        var split = msg.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) throw Malformed("no blank line before the signatures");
        var text = msg[..(split + 1)];
        var sigs = msg[(split + 2)..];
        if (sigs.Length == 0 || sigs[^1] != '\n') throw Malformed("signature block does not end in a newline");

        var textBytes = Encoding.UTF8.GetBytes(text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        var seenUnverified = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var line in sigs[..^1].Split('\n'))
        {
            if (!line.StartsWith(SigPrefix, StringComparison.Ordinal)) throw Malformed("signature line does not start with \"\u2014 \"");
            var body = line[SigPrefix.Length..];
            var space = body.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? body : body[..space];
            var b64 = space < 0 ? "" : body[(space + 1)..];
            byte[]? raw = null;
            try
            {
                raw = Convert.FromBase64String(b64);
            }
            catch (FormatException)
            {
            }
            if (raw is null || !NoteKeys.IsValidName(name) || b64.Length == 0 || raw.Length < 5) throw Malformed("malformed signature line");
            if (++count > MaxSignatures) throw Malformed("too many signatures");
            var hash = BinaryPrimitives.ReadUInt32BigEndian(raw);
            var verifier = Find(known, name, hash);
            if (verifier is null)
            {
                if (seenUnverified.Add(body)) unverified.Add(new NoteSignature(name, hash, b64));
                continue;
            }
            if (!seen.Add((name, hash))) continue;
            if (!verifier.Verify(textBytes, raw.AsSpan(4)))
                throw new NoteException(NoteErrorReason.InvalidSignature, $"invalid signature by {name}+{hash:x8}");
            verified.Add(new NoteSignature(name, hash, b64));
        }
        if (verified.Count == 0)
        {
            var signers = string.Join(", ", unverified.Select(s => $"{s.Name}+{s.KeyHash:x8}"));
            throw new NoteException(NoteErrorReason.NoVerifiableSignature, $"note has no verifiable signatures (signed by unknown key {signers})");
        }
        return new SignedNote(text, verified, unverified);
    }

    /// <summary>Signs <paramref name="text"/> (which must end in a newline) with every signer, in order.</summary>
    /// <exception cref="NoteException">The text does not end in a newline or is not valid note text.</exception>
    public static byte[] Sign(string text, params NoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n')) throw Malformed("note text does not end in a newline");
        foreach (var c in text)
            if (c < 0x20 && c != '\n') throw Malformed("control character in note text");
        var textBytes = Encoding.UTF8.GetBytes(text);
        var sb = new StringBuilder(text).Append('\n');
        foreach (var s in signers)
        {
            var sig = s.Sign(textBytes);
            var raw = new byte[4 + sig.Length];
            BinaryPrimitives.WriteUInt32BigEndian(raw, s.KeyHash);
            sig.CopyTo(raw, 4);
            sb.Append(SigPrefix).Append(s.Name).Append(' ').Append(Convert.ToBase64String(raw)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static NoteVerifier? Find(IReadOnlyCollection<NoteVerifier> known, string name, uint hash)
    {
        NoteVerifier? found = null;
        foreach (var v in known)
        {
            if (v.Name != name || v.KeyHash != hash) continue;
            if (found is not null) throw new NoteException(NoteErrorReason.AmbiguousVerifier, $"ambiguous key {name}+{hash:x8}");
            found = v;
        }
        return found;
    }

    private static NoteException Malformed(string why) => new(NoteErrorReason.MalformedNote, "malformed note: " + why);
}
