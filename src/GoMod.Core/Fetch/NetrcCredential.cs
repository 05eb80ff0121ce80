namespace GoMod.Core.Fetch;

/// <summary>One complete <c>machine</c> entry of a .netrc file. <see cref="ToString"/> never shows the password.</summary>
public sealed record NetrcCredential(string Machine, string Login, string Password)
{
    public override string ToString() => $"machine {Machine} login {Login} password xxxxx";
}
