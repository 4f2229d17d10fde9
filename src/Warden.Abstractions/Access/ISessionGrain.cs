namespace Warden.Abstractions.Access;

/// <summary>One signed-in session (key: the SHA-256 of its token; the token itself is never stored).</summary>
[Alias("warden.access.session")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("open")]
    Task Open(string username, DateTimeOffset expiresAt);

    /// <summary>The live session, or null when it ended or expired.</summary>
    [Alias("resolve"), ReadOnly]
    Task<SessionRecord?> Resolve();

    [Alias("end")]
    Task End();
}
