using GoMod.Core.Fetch;
using GoMod.Core.Vcs;

namespace GoMod.Core.Tests.Vcs.Infrastructure;

/// <summary>Checks a direct-mode failure: its kind, and that its type is the not-exist one exactly for go's not-exist kinds.</summary>
public static class VcsAssert
{
    public static async Task<ModuleFetchException> FailsAsync(Func<Task> action, VcsErrorKind kind, TimeSpan? within = null)
    {
        var e = await Should.ThrowAsync<ModuleFetchException>(() => action().WaitAsync(within ?? TimeSpan.FromSeconds(60)));
        e.ShouldBeAssignableTo<IVcsFailure>()!.Kind.ShouldBe(kind, e.Message);
        if (VcsException.IsNotFoundKind(kind)) e.ShouldBeOfType<VcsNotFoundException>();
        else e.ShouldBeOfType<VcsException>();
        return e;
    }
}
