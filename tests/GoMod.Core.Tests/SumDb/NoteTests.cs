using System.Text;
using GoMod.Core.SumDb.Note;

namespace GoMod.Core.Tests.SumDb;

/// <summary>Signed notes and keys with x/mod's sumdb/note rules.</summary>
public class NoteTests
{
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";

    private static readonly (string Skey, string Vkey) Peter = NoteKeys.FromSeed("PeterNeumann", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly (string Skey, string Vkey) Other = NoteKeys.FromSeed("EnochRoot", Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void A_key_is_name_plus_key_hash_plus_algorithm_and_key_and_the_hash_is_checked()
    {
        var v = NoteVerifier.Parse(Peter.Vkey);
        v.Name.ShouldBe("PeterNeumann");
        var parts = Peter.Vkey.Split('+', 3);
        parts.Length.ShouldBe(3);
        var raw = Convert.FromBase64String(parts[2]);
        raw.Length.ShouldBe(33);
        raw[0].ShouldBe((byte)1);
        v.KeyHash.ShouldBe(NoteKeys.KeyHash("PeterNeumann", raw));
        parts[1].ShouldBe(v.KeyHash.ToString("x8"));
        NoteSigner.Parse(Peter.Skey).KeyHash.ShouldBe(v.KeyHash);

        Should.Throw<NoteException>(() => NoteVerifier.Parse("PeterNeumann+" + (v.KeyHash ^ 1).ToString("x8") + "+" + parts[2])).Reason.ShouldBe(NoteErrorReason.VerifierHashMismatch);
        Should.Throw<NoteException>(() => NoteVerifier.Parse("PeterNeumann+c74f20a3")).Reason.ShouldBe(NoteErrorReason.MalformedVerifierKey);
        Should.Throw<NoteException>(() => NoteVerifier.Parse("Peter Neumann+" + parts[1] + "+" + parts[2])).Reason.ShouldBe(NoteErrorReason.MalformedVerifierKey);
        var otherAlg = (byte[])raw.Clone();
        otherAlg[0] = 2;
        Should.Throw<NoteException>(() => NoteVerifier.Parse($"x+{NoteKeys.KeyHash("x", otherAlg):x8}+{Convert.ToBase64String(otherAlg)}")).Reason.ShouldBe(NoteErrorReason.UnknownAlgorithm);
        Should.Throw<NoteException>(() => NoteSigner.Parse(Peter.Skey.Replace("PRIVATE+KEY+", "PRIVATE+KEYS+"))).Reason.ShouldBe(NoteErrorReason.MalformedSignerKey);
    }

    [Fact]
    public void A_signed_note_opens_with_its_key_and_keeps_unknown_signatures_aside()
    {
        var signed = SignedNote.Sign(Text, NoteSigner.Parse(Peter.Skey), NoteSigner.Parse(Other.Skey));
        var s = Encoding.UTF8.GetString(signed);
        s.ShouldStartWith(Text + "\n\u2014 PeterNeumann ");
        s.Split('\n').Count(l => l.StartsWith('\u2014')).ShouldBe(2);

        var n = SignedNote.Open(signed, [NoteVerifier.Parse(Peter.Vkey)]);
        n.Text.ShouldBe(Text);
        n.Signatures.Single().Name.ShouldBe("PeterNeumann");
        n.UnverifiedSignatures.Single().Name.ShouldBe("EnochRoot");

        var both = SignedNote.Open(signed, [NoteVerifier.Parse(Peter.Vkey), NoteVerifier.Parse(Other.Vkey)]);
        both.Signatures.Count.ShouldBe(2);

        // Repeated signature lines count once.
        var doubled = Encoding.UTF8.GetBytes(s + s[(s.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
        SignedNote.Open(doubled, [NoteVerifier.Parse(Peter.Vkey)]).Signatures.Count.ShouldBe(1);
    }

    [Fact]
    public void A_note_without_a_known_signature_or_with_a_bad_one_is_refused()
    {
        var signed = SignedNote.Sign(Text, NoteSigner.Parse(Other.Skey));
        Should.Throw<NoteException>(() => SignedNote.Open(signed, [NoteVerifier.Parse(Peter.Vkey)])).Reason.ShouldBe(NoteErrorReason.NoVerifiableSignature);

        var good = Encoding.UTF8.GetString(SignedNote.Sign(Text, NoteSigner.Parse(Peter.Skey)));
        var tampered = Encoding.UTF8.GetBytes(good.Replace("cryptography", "cryptographY", StringComparison.Ordinal));
        Should.Throw<NoteException>(() => SignedNote.Open(tampered, [NoteVerifier.Parse(Peter.Vkey)])).IsBadSignature.ShouldBeTrue();
    }

    [Theory]
    [InlineData("no blank line\n\u2014 PeterNeumann AAAAAAAA\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n\u2014 PeterNeumann AAAAAAAA")]
    [InlineData("text\n\n- PeterNeumann AAAAAAAAAAAA\n")]
    [InlineData("text\n\n\u2014 PeterNeumann not*base64\n")]
    [InlineData("text\n\n\u2014 PeterNeumann AAAA\n")]
    [InlineData("text\n\n\u2014 PeterNeumann\n")]
    [InlineData("te\txt\n\n\u2014 PeterNeumann AAAAAAAAAAAA\n")]
    [InlineData("text\r\n\n\u2014 PeterNeumann AAAAAAAAAAAA\n")]
    public void Malformed_notes_are_refused_with_a_reason(string note)
    {
        var e = Should.Throw<NoteException>(() => SignedNote.Open(Encoding.UTF8.GetBytes(note), [NoteVerifier.Parse(Peter.Vkey)]));
        e.Reason.ShouldBe(NoteErrorReason.MalformedNote);
        e.Message.ShouldStartWith("malformed note");
    }

    [Fact]
    public void Invalid_UTF8_and_too_many_signatures_are_malformed()
    {
        var bad = Encoding.UTF8.GetBytes("text\n\n\u2014 PeterNeumann AAAAAAAAAAAA\n");
        bad[1] = 0xff;
        Should.Throw<NoteException>(() => SignedNote.Open(bad, [NoteVerifier.Parse(Peter.Vkey)])).Reason.ShouldBe(NoteErrorReason.MalformedNote);
        var many = "text\n\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"\u2014 x{i} AAAAAAAAAAAA\n"));
        Should.Throw<NoteException>(() => SignedNote.Open(Encoding.UTF8.GetBytes(many), [NoteVerifier.Parse(Peter.Vkey)])).Message.ShouldContain("too many signatures");
    }
}
