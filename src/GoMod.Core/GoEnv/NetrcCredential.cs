namespace GoMod.Core.GoEnv;

/// <summary>One complete <c>machine</c> entry of a .netrc file. <see cref="ToString"/> never shows the password.</summary>
public sealed record NetrcCredential(string Machine, string Login, string Password)
{
    /// <summary>The entry with the password hidden, safe for logs.</summary>
    public override string ToString() => $"machine {Machine} login {Login} password xxxxx";
}
