namespace GoMod.Core.SumDb.Note;

/// <summary>One signature line of a note: <c>— name base64(keyhash ‖ signature)</c>.</summary>
/// <param name="Name">The signer's name.</param>
/// <param name="KeyHash">The signer's key hash (the first four bytes of the decoded signature, big-endian).</param>
/// <param name="Base64">The signature as written, key hash included.</param>
public sealed record NoteSignature(string Name, uint KeyHash, string Base64);
